import { describe, expect, test } from 'vitest';
import {
  formReducer,
  initialForm,
  isDirty,
  visibleIssues,
  type FormState,
} from '../../../../utils/pages/options/form-state';
import { rebase } from '../../../../utils/pages/options/rebase';
import type { EditableSettings } from '../../../../utils/extension/settings-storage';
import { defaultSettings, validateSettings } from '../../../../utils/core/settings/validate';

function editable(own: unknown = {}, locked: string[] = []): EditableSettings {
  const result = validateSettings(own);
  if (!result.ok) throw result.error;
  return { own: result.settings, settings: result.settings, locked, policyIssues: [] };
}

const start = () => initialForm(editable({ serverUrl: 'ws://localhost/ws' }));

describe('the options form', () => {
  test('starts clean, with the saved settings as the draft', () => {
    const state = start();
    expect(isDirty(state)).toBe(false);
    expect(state.issues).toEqual([]);
  });

  test('an edit makes it dirty; its problem shows only once the field was left', () => {
    let state = formReducer(start(), { type: 'edit', path: 'serverUrl', value: 'https://x/' });
    expect(isDirty(state)).toBe(true);
    expect(state.issues).toEqual([{ field: 'serverUrl', message: 'must be a ws:// or wss:// URL' }]);
    expect(visibleIssues(state)).toEqual([]);
    state = formReducer(state, { type: 'touch', path: 'serverUrl' });
    expect(visibleIssues(state)).toEqual(state.issues);
    // And then it follows every keystroke.
    state = formReducer(state, { type: 'edit', path: 'serverUrl', value: 'wss://x/ws' });
    expect(visibleIssues(state)).toEqual([]);
  });

  test('a refused save shows every problem, touched or not', () => {
    let state = formReducer(start(), { type: 'edit', path: 'connection.heartbeatSeconds', value: 2 });
    state = formReducer(state, { type: 'refused' });
    expect(visibleIssues(state).map((issue) => issue.field)).toEqual(['connection.heartbeatSeconds']);
  });

  test('text that saves the same (spaces around it) is not a change', () => {
    const state = formReducer(start(), { type: 'edit', path: 'serverUrl', value: '  ws://localhost/ws ' });
    expect(isDirty(state)).toBe(false);
  });

  test('discard goes back to the saved settings', () => {
    let state = formReducer(start(), { type: 'edit', path: 'serverUrl', value: 'bad' });
    state = formReducer(state, { type: 'discard' });
    expect(state.draft).toEqual(state.saved);
    expect(state.issues).toEqual([]);
  });

  test('saved: the form shows exactly what was stored', () => {
    const settings = { ...defaultSettings(), serverUrl: 'wss://x/ws' } as unknown as FormState['saved'];
    const state = formReducer(formReducer(start(), { type: 'edit', path: 'serverUrl', value: ' wss://x/ws ' }), {
      type: 'saved',
      settings,
    });
    expect(state.draft).toBe(settings);
    expect(isDirty(state)).toBe(false);
  });

  test('saved settings changed elsewhere: untouched fields follow, edited ones are kept', () => {
    let state = formReducer(start(), { type: 'edit', path: 'auth.cookieName', value: 'MINE' });
    state = formReducer(state, {
      type: 'loaded',
      editable: editable({
        serverUrl: 'ws://localhost/ws',
        notifications: { doNotDisturb: true },
        auth: { cookieName: 'THEIRS' },
      }),
    });
    expect(state.draft).toMatchObject({ notifications: { doNotDisturb: true }, auth: { cookieName: 'MINE' } });
  });

  test('a clean form simply takes the new settings, and the new locks', () => {
    const state = formReducer(start(), {
      type: 'loaded',
      editable: editable({ serverUrl: 'wss://corp/ws' }, ['serverUrl']),
    });
    expect(state.draft).toMatchObject({ serverUrl: 'wss://corp/ws' });
    expect(state.locked).toEqual(['serverUrl']);
  });

  test('replace (an import, the defaults) shows the new draft for review, problems and all', () => {
    const state = formReducer(start(), { type: 'replace', draft: { serverUrl: 'nope' } });
    expect(isDirty(state)).toBe(true);
    expect(visibleIssues(state).map((issue) => issue.field)).toEqual(['serverUrl']);
  });
});

test.each([
  ['untouched fields follow', { a: 1, b: 2 }, { a: 1, b: 3 }, { a: 1, b: 2 }, { a: 1, b: 3 }],
  ['edited fields stay', { a: 1, b: 2 }, { a: 5, b: 3 }, { a: 9, b: 2 }, { a: 9, b: 3 }],
  ['lists count whole', { l: [1, 2] }, { l: [1, 2, 3] }, { l: [1] }, { l: [1] }],
  ['nested', { o: { x: 1, y: 1 } }, { o: { x: 2, y: 2 } }, { o: { x: 1, y: 7 } }, { o: { x: 2, y: 7 } }],
])('rebase: %s', (_, oldSaved, newSaved, draft, expected) => {
  expect(rebase(oldSaved, newSaved, draft)).toEqual(expected);
});
