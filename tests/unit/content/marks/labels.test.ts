import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

type Catalogue = Record<string, { message: string }>;
const load = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Catalogue;
const en = load('en');
const zh = load('zh_CN');

const MARK_AND_CARD_KEYS = Object.keys(en).filter(
  (key) => key.startsWith('mark') || key.startsWith('card') || key === 'call' || key === 'callTo',
);

test('every mark and card text exists in English and Chinese', () => {
  expect(MARK_AND_CARD_KEYS.length).toBeGreaterThanOrEqual(14);
  for (const key of MARK_AND_CARD_KEYS) {
    expect(zh[key]?.message, key).toBeTruthy();
  }
});

test.each([
  ['markOnline', 'Online', '在线'],
  ['markOffline', 'Offline', '离线'],
])('%s says %s / %s', (key, english, chinese) => {
  expect(en[key]?.message).toBe(english);
  expect(zh[key]?.message).toBe(chinese);
});
