import { describe, expect, test } from 'vitest';
import { browserPattern, isMatchPattern, matchesAny, originPattern } from '../../../../utils/core/sites/match-pattern';

describe('match patterns', () => {
  test.each([
    ['https://admin.example.com/*', true],
    ['http://localhost:8787/*', true],
    ['*://*.example.com/users/*', true],
    ['http://[::1]:8787/*', true],
    ['<all_urls>', false],
    ['*://*/*', false],
    ['https://admin.example.com', false],
    ['ftp://admin.example.com/*', false],
    ['https://admin.example.com:99999/*', false],
    ['', false],
  ])('%s is a pattern: %s', (text, valid) => {
    expect(isMatchPattern(text)).toBe(valid);
  });

  test.each([
    ['http://localhost:8787/*', 'http://localhost:8787/users?page=2', true],
    ['http://localhost:8787/*', 'http://localhost:9999/', false],
    ['http://localhost/*', 'http://localhost:9999/', true],
    ['https://example.com:443/*', 'https://example.com/', true],
    ['*://*.example.com/*', 'https://admin.example.com/', true],
    ['*://*.example.com/*', 'https://example.com/', true],
    ['*://*.example.com/*', 'https://badexample.com/', false],
    ['https://example.com/admin/*', 'https://example.com/admin/users', true],
    ['https://example.com/admin/*', 'https://example.com/shop', false],
    ['https://example.com/*', 'http://example.com/', false],
    ['http://[::1]:8787/*', 'http://[::1]:8787/x', true],
    ['https://example.com/*', 'not a url', false],
    ['https://example.com/*', 'file:///etc/passwd', false],
  ])('%s matches %s: %s', (pattern, href, expected) => {
    expect(matchesAny([pattern], href)).toBe(expected);
  });

  test.each([
    ['http://localhost:8787/*', 'http://localhost/*'],
    ['*://*.Example.com/users/*', '*://*.example.com/users/*'],
    ['nonsense', undefined],
  ])('browsers get %s as %s (no port)', (pattern, expected) => {
    expect(browserPattern(pattern)).toBe(expected);
  });

  test.each([
    ['http://localhost:8787/', 'http://localhost:8787/*'],
    ['https://admin.example.com/login?next=/', 'https://admin.example.com/*'],
    ['', undefined],
    ['ftp://x/', undefined],
  ])('the site %s means %s', (url, expected) => {
    expect(originPattern(url)).toBe(expected);
  });
});
