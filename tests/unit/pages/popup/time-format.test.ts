import { expect, test } from 'vitest';
import { timeFormat } from '../../../../utils/pages/popup/time-format';

// Local time, so the calendar-day rules hold in any test machine's time zone.
const now = new Date(2025, 2, 14, 15, 30, 0).getTime();
const minutes = (count: number) => now - count * 60_000;
const hours = (count: number) => now - count * 3_600_000;
const days = (count: number) => now - count * 86_400_000;

test.each([
  ['en', now, 'now'],
  ['en', now + 5_000, 'now'],
  ['en', now - 30_000, 'now'],
  ['en', minutes(1), '1 minute ago'],
  ['en', minutes(5), '5 minutes ago'],
  ['en', hours(2), '2 hours ago'],
  ['en', new Date(2025, 2, 14, 0, 10).getTime(), '15 hours ago'],
  ['en', new Date(2025, 2, 13, 9, 0).getTime(), 'yesterday'],
  ['en', days(3), '3 days ago'],
  ['en', days(14), '2 weeks ago'],
  ['en', days(90), '2 months ago'],
  ['en', days(800), '2 years ago'],
  ['zh-CN', minutes(5), '5分钟前'],
  ['zh-CN', new Date(2025, 2, 13, 9, 0).getTime(), '昨天'],
  ['zh-CN', now, '现在'],
])('%s: %i reads "%s"', (locale, at, text) => {
  expect(timeFormat(locale).relative(at, now)).toBe(text);
});

test('late last night is hours ago, not yesterday', () => {
  const justAfterMidnight = new Date(2025, 2, 14, 0, 30).getTime();
  expect(timeFormat('en').relative(new Date(2025, 2, 13, 23, 0).getTime(), justAfterMidnight)).toBe('2 hours ago');
});

test.each([
  ['en', new Date(2025, 2, 14, 9, 5).getTime(), '9:05 AM'],
  ['en', new Date(2025, 2, 10, 9, 5).getTime(), 'Mar 10, 9:05 AM'],
  ['en', new Date(2024, 11, 31, 9, 5).getTime(), 'Dec 31, 2024, 9:05 AM'],
  ['zh-CN', new Date(2025, 2, 14, 9, 5).getTime(), '9:05'],
  ['zh-CN', new Date(2025, 2, 10, 9, 5).getTime(), '3月10日 9:05'],
])('%s: the short form of %i is "%s"', (locale, at, text) => {
  expect(timeFormat(locale).short(at, now).replace(/\s/g, ' ')).toBe(text);
});

test('the full form has the weekday and seconds, for the tooltip', () => {
  expect(
    timeFormat('en')
      .full(new Date(2025, 2, 14, 9, 5, 7).getTime())
      .replace(/\s/g, ' '),
  ).toMatch(/^Friday, March 14, 2025 at 9:05:07 AM/);
});

test('formatters are built once per locale', () => {
  expect(timeFormat('en')).toBe(timeFormat('en'));
});
