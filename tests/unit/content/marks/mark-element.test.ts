import { afterEach, expect, test } from 'vitest';
import { createMarkRenderer, MARK_CLASS } from '../../../../utils/content/marks/mark-element';
import { mountMarkup } from '../../../fixtures/load';

const labels = { online: '在线', offline: '离线', me: '在线（你）', unknown: '状态未知' };
const renderer = createMarkRenderer(document, labels);

afterEach(() => document.body.replaceChildren());

const attributes = (mark: Element) =>
  Object.fromEntries([...mark.attributes].map((attribute) => [attribute.name, attribute.value]));

test.each([
  [
    'online',
    {
      class: MARK_CLASS,
      'data-roster-state': 'online',
      title: '在线',
      'aria-label': '在线',
      role: 'button',
      tabindex: '0',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
    },
  ],
  ['offline', { class: MARK_CLASS, 'data-roster-state': 'offline', title: '离线', 'aria-label': '离线', role: 'img' }],
  [
    'me',
    { class: MARK_CLASS, 'data-roster-state': 'me', title: '在线（你）', 'aria-label': '在线（你）', role: 'img' },
  ],
  [
    'unknown',
    { class: MARK_CLASS, 'data-roster-state': 'unknown', title: '状态未知', 'aria-label': '状态未知', role: 'img' },
  ],
] as const)('a %s mark: labelled in the UI language, focusable only when it opens a card', (state, expected) => {
  expect(attributes(renderer.create(state))).toEqual(expected);
});

test('updating a mark to another state leaves no attribute of the old one; the same state writes nothing', () => {
  const mark = renderer.create('online');
  renderer.update(mark, 'offline');
  expect(attributes(mark)).toEqual(attributes(renderer.create('offline')));
  const before = mark.getAttribute('title');
  mark.setAttribute('title', 'untouched');
  renderer.update(mark, 'offline');
  expect(mark.getAttribute('title')).toBe('untouched');
  expect(before).toBe('离线');
});

test.each([
  [
    'inside a cell, before the name',
    '<table><tbody><tr><td id="a"><span>李四</span></td></tr></tbody></table>',
    'before',
    ['MARK', 'SPAN'],
  ],
  ['inside, after the text', '<span id="a">李四</span>', 'after', ['李四', 'MARK']],
  ['beside an image, which cannot hold it', '<p><img id="a" alt=""></p>', 'before', ['MARK', 'IMG']],
] as const)('placed %s', (_, markup, position, expected) => {
  const anchor = mountMarkup(markup).querySelector('#a')!;
  const mark = renderer.create('offline');
  renderer.place(mark, { anchor, position });
  expect(renderer.isPlaced(mark, { anchor, position })).toBe(true);
  const container = anchor.tagName === 'IMG' ? anchor.parentElement! : anchor;
  const kinds = [...container.childNodes].map((node) =>
    node === mark ? 'MARK' : node.nodeType === 1 ? (node as Element).tagName : node.textContent,
  );
  expect(kinds).toEqual(expected);
  mark.remove();
  expect(renderer.isPlaced(mark, { anchor, position })).toBe(false);
});
