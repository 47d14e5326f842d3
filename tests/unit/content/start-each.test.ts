import { expect, test } from 'vitest';
import { startEach } from '../../../utils/content/start-each';

test('a feature that throws or rejects does not keep the others from starting', async () => {
  const started: string[] = [];
  startEach({
    marks: () => started.push('marks'),
    broken: () => {
      throw new Error('boom');
    },
    rejected: () => Promise.reject(new Error('later')),
    toasts: () => started.push('toasts'),
  });
  await Promise.resolve();
  expect(started).toEqual(['marks', 'toasts']);
});
