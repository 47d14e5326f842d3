import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { renderPopup } from './helpers/render-popup';
import { rosterState } from './helpers/state';

afterEach(cleanup);

const footer = () => document.querySelector('footer.footer');

test.each([
  ['en', 'Alt+Shift+R', 'Alt+Shift+R opens Roster', 'Change'],
  ['en', undefined, 'No key opens Roster yet', 'Set a key'],
  ['zh_CN', 'Alt+Shift+R', '按 Alt+Shift+R 打开 Roster', '更改'],
] as const)(
  'the footer in %s says which key opens the popup (%s), and leads to where it is changed',
  async (language, shortcut, says, button) => {
    const { actions } = renderPopup(rosterState(), { language, shortcut });
    expect(await screen.findByText(says)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(actions.shortcut.openSettings).toHaveBeenCalledTimes(1);
    expect(footer()?.textContent).toBe(`${says}${button}`);
  },
);

test('nothing is said before the browser answers', () => {
  renderPopup(rosterState());
  expect(footer()).toBeNull();
});
