import { expect, test } from 'vitest';
import { dispatchCallEvent } from '../../../../utils/content/calls/page-event';
import { ringingCall as call } from './helpers/ringing-call';

test('the host page gets plain data under the configured name', () => {
  const heard: CustomEvent[] = [];
  window.addEventListener('refreshApplication', (event) => heard.push(event as CustomEvent));
  dispatchCallEvent(window, 'refreshApplication', call('7', Date.UTC(2026, 10, 25, 9), '李四'));
  expect(heard).toHaveLength(1);
  expect(heard[0]?.detail).toEqual({ callerId: '7', callerName: '李四', time: '2026-11-25T09:00:00.000Z' });
});

test('a call about a page gives the app its address, title and note', () => {
  const heard: CustomEvent[] = [];
  window.addEventListener('openRecord', (event) => heard.push(event as CustomEvent));
  const context = { url: 'https://admin.example.com/orders/42', title: 'Order 42', note: 'refund?' };
  dispatchCallEvent(window, 'openRecord', { ...call('7', Date.UTC(2026, 10, 25, 9), '李四'), context });
  expect(heard[0]?.detail).toEqual({
    callerId: '7',
    callerName: '李四',
    time: '2026-11-25T09:00:00.000Z',
    ...context,
  });
});
