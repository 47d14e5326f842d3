import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { Language } from './helpers/messages';
import { renderPopup } from './helpers/render-popup';
import { connected, rosterState } from './helpers/state';

afterEach(cleanup);

const banner = () => document.querySelector('.status')?.textContent ?? '';

test.each<[Language, string, string]>([
  [
    'en',
    'Connected, but the online list is out of date',
    "The server's online list was too large (1954 KiB; the limit is 64 KiB), so Roster dropped it. Raise “Largest message accepted” (connection.maxFrameKiB) in the advanced settings.",
  ],
  [
    'zh_CN',
    '已连接，但在线列表已过期',
    '服务器发送的在线列表过大（1954 KiB，上限为 64 KiB），Roster 已将其丢弃。请在高级设置中调大“可接受的最大消息”（connection.maxFrameKiB）。',
  ],
])('a dropped list is a problem line in the popup, with the way to fix it (%s)', (language, headline, hint) => {
  const { actions } = renderPopup(
    rosterState({
      connection: {
        ...connected,
        listProblem: { reason: 'too-large', bytes: 2_000_000, limitBytes: 64 * 1024, at: 0 },
      },
    }),
    { language },
  );
  expect(document.querySelector('#status-headline')?.textContent).toBe(headline);
  expect(banner()).toContain(hint);
  expect(document.querySelector('.status--problem')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Open settings' : /设置/ }));
  expect(actions.openOptions).toHaveBeenCalledOnce();
});

test('an unreadable list says so', () => {
  renderPopup(rosterState({ connection: { ...connected, listProblem: { reason: 'invalid', at: 0 } } }));
  expect(banner()).toContain('The server sent an online list Roster cannot read, so Roster dropped it.');
});
