import { afterEach, describe, expect, test } from 'vitest';
import {
  TEST_ANCHOR_ATTRIBUTE,
  TEST_ATTRIBUTE,
  type TesterReply,
} from '../../../../utils/core/messages/options-tester';
import { scanProfile } from '../../../../utils/content/tester/tester-scan';
import { serve } from '../../../../utils/content/tester/tester-tab';
import { testableTabs, type TabInfo } from '../../../../utils/pages/options/tester-tabs';
import type { SiteProfileSettings } from '../../../../utils/core/sites/settings-schema';
import { mountFixture, mountMarkup } from '../../../fixtures/load';
import { portPair } from '../../../helpers/port-pair';

afterEach(() => document.body.replaceChildren());

const staff = `
  <ul class="staff">
    <li class="person" data-uid="2"><span class="who">李四</span></li>
    <li class="person" data-uid="4"><span class="who">Alice Martin</span></li>
    <li class="person"><span class="who"></span></li>
  </ul>`;

const byAttribute: SiteProfileSettings = {
  label: 'Staff',
  rows: 'li.person',
  id: { from: 'attribute', attribute: 'data-uid' },
  name: { from: 'text', selector: '.who' },
  mark: { position: 'before' },
};

describe('scanProfile', () => {
  test('reads ids and names exactly as the content script would, and says which rows gave nothing', () => {
    mountMarkup(staff);
    const result = scanProfile(document, byAttribute);
    expect(result).toMatchObject({ rows: 3, users: 2, unread: 1, duplicates: 0, truncated: false });
    expect(result.sample).toEqual([
      { index: 1, id: '2', name: '李四' },
      { index: 2, id: '4', name: 'Alice Martin' },
    ]);
    expect(result.scanned.map((row) => row.verdict)).toEqual(['user', 'user', 'unread']);
  });

  test('Element UI’s fixed-column copies count once', () => {
    mountFixture('element-table.html');
    const result = scanProfile(document, {
      ...byAttribute,
      rows: '.users-table tr.el-table__row',
      id: { from: 'cell', header: 'ID' },
      name: { from: 'cell', header: '用户名' },
    });
    expect(result.users).toBe(10);
    expect(result.duplicates).toBe(20);
    expect(result.sample.slice(0, 2)).toEqual([
      { index: 1, id: '1', name: '章三' },
      { index: 2, id: '2', name: '李四' },
    ]);
  });

  test('stops at the limit and says so', () => {
    mountMarkup(staff);
    expect(scanProfile(document, byAttribute, 2)).toMatchObject({ rows: 3, users: 2, truncated: true });
  });
});

describe('the tester in a tab', () => {
  const nextReply = (replies: TesterReply[], count: number) =>
    expect.poll(() => replies.length).toBeGreaterThanOrEqual(count);

  test('outlines what the profile finds, again after each edit, and cleans up when the options page goes', async () => {
    mountMarkup(staff);
    const { view: page, background: tab } = portPair('roster:profile-tester', { id: 'roster' });
    const replies: TesterReply[] = [];
    page.onMessage.addListener((message) => replies.push(message as TesterReply));
    serve(tab, document);

    page.postMessage({ type: 'test', profile: byAttribute });
    await nextReply(replies, 1);
    expect(replies[0]).toMatchObject({ type: 'result', rows: 3, users: 2, unread: 1 });
    expect(document.querySelectorAll(`[${TEST_ATTRIBUTE}="user"]`)).toHaveLength(2);
    expect(document.querySelectorAll(`[${TEST_ATTRIBUTE}="unread"]`)).toHaveLength(1);
    expect(document.querySelectorAll(`[${TEST_ANCHOR_ATTRIBUTE}]`)).toHaveLength(2);

    page.postMessage({ type: 'test', profile: { ...byAttribute, rows: 'li.person[data-uid="4"]' } });
    await nextReply(replies, 2);
    expect(replies[1]).toMatchObject({ type: 'result', rows: 1, users: 1, unread: 0 });
    expect(document.querySelectorAll(`[${TEST_ATTRIBUTE}]`)).toHaveLength(1);

    page.disconnect();
    await expect
      .poll(() => document.querySelectorAll(`[${TEST_ATTRIBUTE}], [${TEST_ANCHOR_ATTRIBUTE}]`).length)
      .toBe(0);
  });

  test('a profile this page refuses is answered with the field and why', async () => {
    const { view: page, background: tab } = portPair('roster:profile-tester', { id: 'roster' });
    const replies: TesterReply[] = [];
    page.onMessage.addListener((message) => replies.push(message as TesterReply));
    serve(tab, document);
    page.postMessage({ type: 'test', profile: { ...byAttribute, rows: 'li[' } });
    await nextReply(replies, 1);
    expect(replies[0]).toEqual({ type: 'refused', field: 'rows', message: 'is not a valid CSS selector' });
  });
});

const tab = (id: number, url: string, active = false): TabInfo => ({
  id,
  windowId: 1,
  title: `tab ${id}`,
  url,
  active,
});

test('testableTabs: web pages only, those the profile and Roster both cover first', () => {
  const tabs = [
    tab(1, 'chrome://extensions/'),
    tab(2, 'https://other.example.com/'),
    tab(3, 'https://admin.example.com/orders'),
    tab(4, 'https://admin.example.com/users/1', true),
    tab(5, 'https://admin.example.com/users/2'),
  ];
  const ranked = testableTabs(tabs, 'https://admin.example.com/users/*', ['https://admin.example.com/*']);
  expect(ranked.map((item) => [item.id, item.profileApplies, item.rosterRuns])).toEqual([
    [4, true, true],
    [5, true, true],
    [3, false, true],
    [2, false, false],
  ]);
});
