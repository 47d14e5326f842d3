import { expect, test } from 'vitest';
import { popupShortcut, shortcutsPage } from '../../../utils/pages/popup-shortcut';

test.each([
  ['Chrome (MV3)', [{ name: '_execute_action', shortcut: 'Alt+Shift+R' }], 'Alt+Shift+R'],
  ['Firefox (MV2)', [{ name: '_execute_browser_action', shortcut: 'Alt+Shift+R' }], 'Alt+Shift+R'],
  [
    'changed by the user, among other commands',
    [
      { name: 'other', shortcut: 'Ctrl+1' },
      { name: '_execute_action', shortcut: 'Ctrl+Shift+Y' },
    ],
    'Ctrl+Shift+Y',
  ],
  ['taken by another extension: no key', [{ name: '_execute_action', shortcut: '' }], undefined],
  ['no shortcut field', [{ name: '_execute_action' }], undefined],
  ['no such command', [{ name: 'other', shortcut: 'Ctrl+1' }], undefined],
  ['nothing at all', [], undefined],
])('%s', (_, commands, expected) => {
  expect(popupShortcut(commands)).toBe(expected);
});

test.each([
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
    'chrome://extensions/shortcuts',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
    'edge://extensions/shortcuts',
  ],
])('where %s keeps shortcuts', (userAgent, page) => {
  expect(shortcutsPage(userAgent)).toBe(page);
});
