import { expect, test } from 'vitest';
import { pageAddress } from '../../../../utils/content/page/page-address';

test.each([
  ['a web page: its own address', 'http://h/users?p=2', 'http://h/users?p=2', 'http://h', 'http://h/users?p=2'],
  [
    'an about:blank frame a page filled: the address it inherits',
    'about:blank',
    'http://h/shell',
    'http://h',
    'http://h/shell',
  ],
  ['a srcdoc frame', 'about:srcdoc', 'http://h/shell', 'http://h', 'http://h/shell'],
  ['a blob: document: its origin', 'blob:http://h/8d2c', 'blob:http://h/8d2c', 'http://h', 'http://h/'],
  ['an opaque origin: nothing to go on', 'about:blank', 'about:blank', 'null', 'about:blank'],
])('%s', (_, href, baseURI, origin, expected) => {
  expect(pageAddress({ location: { href }, baseURI }, origin)).toBe(expected);
});
