import { describe, expect, test } from 'vitest';
import {
  cleanText,
  isSitePage,
  MAX_CALL_NOTE,
  MAX_CONTEXT_TITLE,
  onSites,
  outgoingContext,
  pageUrl,
  readCallContext,
} from '../../../../utils/core/calls/call-context';

const SITES = ['https://admin.example.com/users/*', '*://*.corp.example:8443/*'];

describe('cleanText', () => {
  test.each([
    ['plain', 'Order 42', 'Order 42'],
    ['markup stays text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['lines become one', 'Order\n42\r\n\tdone', 'Order 42 done'],
    ['control characters go', 'a\u0000b\u0007c\u009bd', 'a b c d'],
    ['bidi overrides go', 'invoice\u202Egpj.exe', 'invoice gpj.exe'],
    ['trimmed', '   spaced   ', 'spaced'],
    ['only blanks is nothing', ' \n\t ', undefined],
    ['not a string', 42, undefined],
    ['an object', { toString: () => 'x' }, undefined],
  ])('%s', (_, value, expected) => {
    expect(cleanText(value, 200)).toBe(expected);
  });

  test('cut to the limit in characters, not UTF-16 units, ending with …', () => {
    const emoji = '😀'.repeat(MAX_CALL_NOTE + 5);
    const cut = cleanText(emoji, MAX_CALL_NOTE);
    expect(Array.from(cut ?? '')).toHaveLength(MAX_CALL_NOTE);
    expect(cut?.endsWith('…')).toBe(true);
    expect(cleanText('x'.repeat(MAX_CALL_NOTE), MAX_CALL_NOTE)).toHaveLength(MAX_CALL_NOTE);
  });

  test('a megabyte title costs no more than reading its start', () => {
    expect(cleanText('y'.repeat(1_000_000), MAX_CONTEXT_TITLE)).toHaveLength(MAX_CONTEXT_TITLE);
  });
});

describe('pageUrl', () => {
  test.each([
    ['https page', 'https://admin.example.com/users/7?tab=1#x', 'https://admin.example.com/users/7?tab=1#x'],
    ['normalised by the parser', 'HTTPS://Admin.Example.com/a/../users', 'https://admin.example.com/users'],
    ['javascript:', 'javascript:alert(1)', undefined],
    ['data:', 'data:text/html,<script>alert(1)</script>', undefined],
    ['file:', 'file:///etc/passwd', undefined],
    ['credentials', 'https://user:pass@admin.example.com/', undefined],
    ['not a URL', 'not a url', undefined],
    ['relative', '/users/7', undefined],
    ['too long', `https://admin.example.com/${'a'.repeat(3_000)}`, undefined],
    ['a number', 7, undefined],
  ])('%s', (_, value, expected) => {
    expect(pageUrl(value)).toBe(expected);
  });
});

describe('isSitePage', () => {
  test.each([
    ['a matched page', 'https://admin.example.com/users/7', true],
    ['another page of the same origin', 'https://admin.example.com/orders/42', true],
    ['http for an https-only site', 'http://admin.example.com/users/7', false],
    ['a lookalike host', 'https://admin.example.com.evil.test/users/7', false],
    ['a subdomain of a wildcard site, its port', 'https://hr.corp.example:8443/p', true],
    ['the wrong port', 'https://hr.corp.example/p', false],
    ['another site', 'https://evil.test/', false],
  ])('%s', (_, url, expected) => {
    expect(isSitePage(url, SITES)).toBe(expected);
  });

  test('no sites: no page is one', () => {
    expect(isSitePage('https://admin.example.com/users/7', [])).toBe(false);
  });
});

describe('outgoingContext', () => {
  test('a site page with its title and a note', () => {
    expect(
      outgoingContext(
        { page: { url: 'https://admin.example.com/orders/42', title: ' Order 42 ' }, note: 'About the refund' },
        SITES,
      ),
    ).toEqual({ url: 'https://admin.example.com/orders/42', title: 'Order 42', note: 'About the refund' });
  });

  test('an untitled page is named by its address', () => {
    expect(outgoingContext({ page: { url: 'https://admin.example.com/x', title: '' } }, SITES)).toEqual({
      url: 'https://admin.example.com/x',
      title: 'https://admin.example.com/x',
    });
  });

  test.each([
    ['another site', 'https://evil.test/x'],
    ['a javascript: address', 'javascript:alert(1)'],
  ])('a page of %s is not sent, nor its title; the note still is', (_, url) => {
    expect(outgoingContext({ page: { url, title: 'Evil' }, note: 'hi' }, SITES)).toEqual({ note: 'hi' });
  });

  test('nothing to say: undefined', () => {
    expect(outgoingContext({ note: '   ' }, SITES)).toBeUndefined();
    expect(outgoingContext({}, SITES)).toBeUndefined();
  });
});

describe('readCallContext and onSites', () => {
  test.each([
    ['a legacy call', { sender: 'A', type: '呼叫', receiver: 'B' }, undefined],
    ['not an object', 'text', undefined],
    ['null', null, undefined],
    [
      'all three',
      { url: 'https://admin.example.com/o/1', title: 'Order 1', note: 'look' },
      { url: 'https://admin.example.com/o/1', title: 'Order 1', note: 'look' },
    ],
    ['wrong types are dropped', { url: 5, title: ['x'], note: { a: 1 } }, undefined],
    ['a javascript: address is dropped, the title kept', { url: 'javascript:x', title: 'T' }, { title: 'T' }],
  ])('%s', (_, data, expected) => {
    expect(readCallContext(data)).toEqual(expected);
  });

  test('an address outside the sites is dropped; the title and note stay as text', () => {
    const context = readCallContext({ url: 'https://evil.test/login', title: 'Sign in again', note: 'urgent' });
    expect(onSites(context, SITES)).toEqual({ title: 'Sign in again', note: 'urgent' });
    expect(onSites(readCallContext({ url: 'https://evil.test/login' }), SITES)).toBeUndefined();
  });

  test('an address of a site is kept', () => {
    const context = readCallContext({ url: 'https://admin.example.com/o/1', title: 'Order 1' });
    expect(onSites(context, SITES)).toBe(context);
  });
});
