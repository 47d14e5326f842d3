import { expect, test } from 'vitest';
import { serverUrlWarnings } from '../../../../utils/pages/options/server-url';

test.each([
  ['wss://admin.example.com/ws', []],
  ['ws://admin.example.com/ws', ['insecure']],
  ['ws://10.0.0.5:8080/ws', ['insecure']],
  ['ws://localhost:8787/ws', []],
  ['ws://app.localhost/ws', []],
  ['ws://127.0.0.1:1/ws', []],
  ['ws://127.9.8.7/ws', []],
  ['ws://[::1]:8787/ws', []],
  ['ws://localhost.evil.com/ws', ['insecure']],
  ['wss://admin.example.com/ws?token=abc', ['has-token']],
  ['ws://admin.example.com/ws?x=1&token=abc', ['insecure', 'has-token']],
  ['not a url', []],
  ['', []],
])('%s → %j', (url, warnings) => {
  expect(serverUrlWarnings(url)).toEqual(warnings);
});
