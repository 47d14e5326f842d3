import { describe, expect, test } from 'vitest';
import {
  aboutFields,
  boundNote,
  isAboutToggle,
  noteLeft,
  type AboutChoice,
} from '../../../../utils/pages/popup/call-about';

const PAGE = { url: 'https://admin.example.com/#/orders/42', title: '订单 42' };

describe('what a call from the popup carries', () => {
  test.each<[string, AboutChoice, object]>([
    ['nothing to say', { page: null, aboutPage: true, note: '' }, {}],
    ['the page, on', { page: PAGE, aboutPage: true, note: '' }, { page: PAGE }],
    ['the page, turned off', { page: PAGE, aboutPage: false, note: '' }, {}],
    ['a note, trimmed', { page: null, aboutPage: true, note: '  退款 ' }, { note: '退款' }],
    ['a blank note is none', { page: PAGE, aboutPage: false, note: ' \n ' }, {}],
    ['both', { page: PAGE, aboutPage: true, note: 'refund' }, { page: PAGE, note: 'refund' }],
  ])('%s', (_, choice, fields) => {
    expect(aboutFields(choice)).toEqual(fields);
  });
});

describe('the note’s length, as a person counts it', () => {
  test.each([
    ['', 140],
    ['a'.repeat(140), 0],
    ['退款'.repeat(10), 120],
    ['😀'.repeat(10), 130],
  ])('%j leaves %i', (note, left) => {
    expect(noteLeft(note)).toBe(left);
  });

  test.each([
    ['a'.repeat(141), 'a'.repeat(140)],
    ['😀'.repeat(141), '😀'.repeat(140)],
    ['short', 'short'],
  ])('bounded without splitting a character', (note, bounded) => {
    expect(boundNote(note)).toBe(bounded);
  });
});

describe('Alt+A', () => {
  const keys = { code: 'KeyA', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
  test.each([
    ['Alt+A', keys, true],
    ['A alone', { ...keys, altKey: false }, false],
    ['Ctrl+Alt+A', { ...keys, ctrlKey: true }, false],
    ['Alt+Shift+A', { ...keys, shiftKey: true }, false],
    ['Alt+Meta+A', { ...keys, metaKey: true }, false],
    ['Alt+B', { ...keys, code: 'KeyB' }, false],
  ])('%s', (_, press, toggles) => {
    expect(isAboutToggle(press)).toBe(toggles);
  });
});
