import { expect, test } from 'vitest';
import { numberRange } from '../../../../utils/pages/options/schema-info';

test.each([
  ['connection.heartbeatSeconds', { min: 5, max: 300, integer: true }],
  ['connection.maxFrameKiB', { min: 1, max: 16 * 1024, integer: true }],
  ['directory.refreshMinutes', { min: 1, max: 1440, integer: true }],
  ['notifications.volume', { min: 0, max: 1, integer: false }],
  ['notifications.ringTimeoutSeconds', { min: 5, max: 600, integer: true }],
  ['notifications.historyLimit', { min: 10, max: 2000, integer: true }],
  ['presence.awayAfterMinutes', { min: 0, max: 240, integer: true }],
  ['serverUrl', undefined],
  ['notifications.sound', undefined],
  ['sites.profiles.0.id.column', undefined],
  ['no.such.field', undefined],
])('numberRange(%s), read from the settings schema', (path, expected) => {
  expect(numberRange(path)).toEqual(expected);
});
