import { cleanup, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TesterReply } from '../../../../utils/core/messages/options-tester';
import { serve } from '../../../../utils/content/tester/tester-tab';
import { portPair } from '../../../helpers/port-pair';
import { FakePorts } from './helpers/fake-ports';
import { described } from './helpers/described';
import { renderOptions } from './helpers/render-options';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const NESTED = '^(\\w+\\s?)+$';

function field(id: string): HTMLInputElement {
  const input = document.getElementById(`field-${id.replace(/\./g, '-')}`);
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field ${id}`);
  return input;
}

function type(id: string, text: string): void {
  fireEvent.input(field(id), { target: { value: text } });
  fireEvent.blur(field(id));
}

describe('a pattern that could freeze a page', () => {
  test.each([
    [
      'en',
      'This pattern repeats a group that itself repeats or branches, such as (\\w+\\s?)+: on some cells it would take seconds.',
      'Not tested: This pattern repeats',
    ],
    ['zh_CN', '此模式重复了一个本身带有重复或分支的分组', '未测试：此模式重复了'],
  ] as const)(
    'is refused on its field, and the tester says why instead of running it (%s)',
    async (language, onField, inTester) => {
      const ports = new FakePorts({
        own: { serverUrl: 'ws://localhost:8787/ws', sites: { profiles: [{ rows: 'tr', name: { from: 'text' } }] } },
      });
      ports.tabList = [{ id: 7, windowId: 1, title: 'Staff', url: 'http://localhost:8787/staff', active: false }];
      await renderOptions({ ports, language });
      type('sites.profiles.0.name.pattern', NESTED);
      expect(described(field('sites.profiles.0.name.pattern'))).toContain(onField);
      await waitFor(() =>
        expect(document.querySelector('.tester .probe--problem')?.textContent).toMatch(new RegExp(`^${inTester}`, 'u')),
      );
      expect(document.querySelector<HTMLButtonElement>('.tester .actions button')?.disabled).toBe(true);
      expect(ports.sentProfiles).toEqual([]);
    },
  );

  test('the tab refuses it too, with the field and the reason, and runs nothing', async () => {
    const { view: page, background: tab } = portPair('roster:profile-tester', { id: 'roster' });
    const replies: TesterReply[] = [];
    page.onMessage.addListener((message) => replies.push(message as TesterReply));
    serve(tab, document);
    page.postMessage({ type: 'test', profile: { rows: 'tr', id: { from: 'text', pattern: NESTED } } });
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toEqual({
      type: 'refused',
      field: 'id.pattern',
      message: 'repeats a group that itself repeats or branches, which can take seconds on one cell',
    });
  });
});
