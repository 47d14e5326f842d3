import fc from 'fast-check';
import { expect, test } from 'vitest';
import { dotNetTimeAt, formatDotNetTime, parseDotNetTime } from '../../../../utils/core/protocol/dotnet-time';

test.each([
  ['2020-08-06T16:32:22.3224288+08:00', Date.UTC(2020, 7, 6, 8, 32, 22, 322)],
  ['2020-08-06T08:32:22.3224288Z', Date.UTC(2020, 7, 6, 8, 32, 22, 322)],
  ['1999-12-31T23:59:59.9999999-05:30', Date.UTC(2000, 0, 1, 5, 29, 59, 999)],
  ['0001-01-01T00:00:00.0000000+00:00', Date.UTC(2000, 0, 1) - 63_082_281_600_000],
  ['2024-02-29T12:00:00.0000001+14:00', Date.UTC(2024, 1, 28, 22, 0, 0, 0)],
])('%s round-trips exactly', (text, epochMs) => {
  const time = parseDotNetTime(text);
  expect(time?.epochMs).toBe(epochMs);
  expect(time && formatDotNetTime(time)).toBe(text);
});

test('an offset-less (Unspecified) time reads as local time and keeps no offset', () => {
  const time = parseDotNetTime('2020-08-06T16:32:22.3224288');
  expect(time).toMatchObject({ offset: null, epochMs: new Date(2020, 7, 6, 16, 32, 22, 322).getTime() });
  expect(time && formatDotNetTime(time)).toBe('2020-08-06T16:32:22.3224288');
});

test.each([
  ['fewer fractional digits are padded', '2020-08-06T16:32:22.5+08:00', '2020-08-06T16:32:22.5000000+08:00'],
  ['no fraction', '2020-08-06T16:32:22+08:00', '2020-08-06T16:32:22.0000000+08:00'],
])('%s', (_, text, formatted) => {
  const time = parseDotNetTime(text);
  expect(time && formatDotNetTime(time)).toBe(formatted);
});

test.each([
  '',
  'yesterday',
  '2020-08-06',
  '2020-08-06 16:32:22Z',
  '2020-02-30T00:00:00Z',
  '2020-13-01T00:00:00Z',
  '2020-08-06T24:00:00Z',
  '2020-08-06T16:32:22.12345678Z',
  '2020-08-06T16:32:22+0800',
])('refuses %j', (text) => {
  expect(parseDotNetTime(text)).toBeUndefined();
});

test('dotNetTimeAt writes the wall clock at the given offset', () => {
  const time = dotNetTimeAt(Date.UTC(2020, 7, 6, 8, 32, 22, 322), 480);
  expect(formatDotNetTime(time)).toBe('2020-08-06T16:32:22.3220000+08:00');
});

test('format ∘ parse is the identity on seven-digit timestamps with an offset', () => {
  const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
  const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
  fc.assert(
    fc.property(instant, offset, fc.integer({ min: 0, max: 9_999 }), (ms, minutes, extraTicks) => {
      const base = dotNetTimeAt(ms, minutes);
      const text = formatDotNetTime({ ...base, ticks: base.ticks + extraTicks });
      const parsed = parseDotNetTime(text);
      expect(parsed?.epochMs).toBe(ms);
      expect(parsed && formatDotNetTime(parsed)).toBe(text);
    }),
    { numRuns: 1000 },
  );
});
