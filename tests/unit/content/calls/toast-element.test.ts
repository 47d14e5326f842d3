import { afterEach, describe, expect, test, vi } from 'vitest';
import { createToastStack } from '../../../../utils/content/calls/toast-element';
import type { RingingCall } from '../../../../utils/core/calls/records';
import { ringingCall as call } from './helpers/ringing-call';

/** The key and its substitutions: tests check which message is shown, whatever the catalogue says. */
const text = (key: string, ...substitutions: string[]) => [key, ...substitutions].join(' ');

function drawn(ringing: readonly RingingCall[], notes = new Map<string, string>(), hidden = 0) {
  const actions = { callBack: vi.fn(), open: vi.fn(), dismiss: vi.fn(), dismissAll: vi.fn() };
  const stack = createToastStack(document, text, actions);
  document.body.append(stack.root);
  stack.render(ringing, hidden, notes);
  return { stack, actions, root: stack.root };
}

const byText = (root: HTMLElement, content: string) =>
  [...root.querySelectorAll<HTMLElement>('*')].filter((node) => node.textContent === content);
const toasts = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[role="alertdialog"]')];
const visibleToasts = (root: HTMLElement) => (root.hidden ? [] : toasts(root));

afterEach(() => document.body.replaceChildren());

describe('the toast stack', () => {
  test('a hostile caller name is shown as text and runs nothing', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { root } = drawn([call('7', 1, hostile)]);
    expect(byText(root, `notificationTitle ${hostile}`)).toHaveLength(1);
    expect(root.querySelector('img')).toBeNull();
  });

  test('a call about a page says so, with the note, and Open opens it', () => {
    const context = { url: 'https://admin.example.com/orders/42', title: 'Order 42', note: 'refund?' };
    const { root, actions } = drawn([{ ...call('7', 1), context }]);
    expect(byText(root, 'callAbout Order 42')).toHaveLength(1);
    expect(byText(root, 'callNote refund?')).toHaveLength(1);
    const open = byText(root, 'openCallPage')[0]!;
    expect(open.getAttribute('aria-label')).toBe('openCallPageLabel Order 42');
    clickAsPerson(open);
    expect(actions.open).toHaveBeenCalledWith('7');
    expect(root.querySelector('a')).toBeNull();
  });

  test.each([
    ['a title alone (its address was not a site page)', { title: '<img src=x onerror=alert(1)>' }, 'callAbout'],
    ['a note alone', { note: '<script>alert(1)</script>' }, 'callNote'],
  ])('%s is text, with no Open', (_, context: { title?: string; note?: string }, key) => {
    const { root } = drawn([{ ...call('7', 1), context }]);
    const shown = `${key} ${context.title ?? context.note ?? ''}`;
    expect(byText(root, shown)).toHaveLength(1);
    expect(byText(root, 'openCallPage')).toHaveLength(0);
    expect(root.querySelector('img, script, a')).toBeNull();
  });

  test('a call about nothing shows no about line and no Open', () => {
    const { root } = drawn([call('7', 1)]);
    expect(root.querySelector('.about, .said')).toBeNull();
    expect(byText(root, 'openCallPage')).toHaveLength(0);
  });

  test('each toast is a dialog named by its title, with the time it rang', () => {
    const { root } = drawn([call('7', Date.UTC(2026, 10, 25, 9), '李四')]);
    const [toast] = toasts(root);
    const title = root.querySelector(`#${toast?.getAttribute('aria-labelledby') ?? 'none'}`);
    expect(title?.textContent).toBe('notificationTitle 李四');
    expect(toast?.querySelector('.time')?.textContent).toMatch(/^notificationMessage \S/);
    expect(root.getAttribute('aria-label')).toBe('extName');
  });

  test('at most three toasts, newest first; the rest collapse into +N more with Dismiss all', () => {
    const ringing = Array.from({ length: 5 }, (_, index) => call(String(index), index));
    const { root, actions } = drawn(ringing);
    expect(toasts(root).map((toast) => toast.querySelector('.title')?.textContent)).toEqual([
      'notificationTitle Caller 4',
      'notificationTitle Caller 3',
      'notificationTitle Caller 2',
    ]);
    expect(byText(root, 'toastMore 2')).toHaveLength(1);
    clickAsPerson(byText(root, 'dismissAll')[0]!);
    expect(actions.dismissAll).toHaveBeenCalledOnce();
  });

  test('Call back and Dismiss act on that call; a note explains a failed call back', () => {
    const { root, actions } = drawn([call('7', 1)], new Map([['7', 'Caller 7 is offline.']]));
    clickAsPerson(byText(root, 'callBack')[0]!);
    clickAsPerson(byText(root, 'dismiss')[0]!);
    expect(actions.callBack).toHaveBeenCalledWith('7');
    expect(actions.dismiss).toHaveBeenCalledWith('7');
    expect(byText(root, 'Caller 7 is offline.')).toHaveLength(1);
  });

  test('a host page’s script clicking the buttons rings nobody and dismisses nothing', () => {
    const ringing = Array.from({ length: 5 }, (_, index) => call(String(index), index));
    const { root, actions } = drawn(ringing);
    for (const label of ['callBack', 'dismiss', 'dismissAll']) {
      const target = byText(root, label)[0] as HTMLButtonElement;
      target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      target.click();
    }
    expect(actions.callBack).not.toHaveBeenCalled();
    expect(actions.dismiss).not.toHaveBeenCalled();
    expect(actions.dismissAll).not.toHaveBeenCalled();
  });

  test('nothing ringing: nothing drawn', () => {
    const { root } = drawn([]);
    expect(root.hidden).toBe(true);
    expect(root.childElementCount).toBe(0);
  });

  test('a toast already shown stays the same element, so a focused button keeps its focus', () => {
    const { stack, root } = drawn([call('1', 1)]);
    const first = toasts(root)[0]!;
    const button = first.querySelector('button')!;
    button.focus();
    stack.render([call('1', 1), call('2', 2)], 0, new Map());
    expect(toasts(root)[1]).toBe(first);
    expect(document.activeElement).toBe(button);
  });

  test('a note comes and goes with the call’s state; a closed call’s toast is gone', () => {
    const { stack, root } = drawn([call('1', 1), call('2', 2)], new Map([['1', 'offline']]));
    expect(byText(root, 'offline')).toHaveLength(1);
    stack.render([call('1', 1), call('2', 2)], 0, new Map());
    expect(root.querySelector<HTMLElement>('.note:not([hidden])')).toBeNull();
    stack.render([call('2', 2)], 0, new Map());
    expect(visibleToasts(root)).toHaveLength(1);
    stack.render([], 0, new Map());
    expect(visibleToasts(root)).toHaveLength(0);
  });

  test('calls only counted (a flood) show as +N more alone', () => {
    const { root } = drawn([], new Map(), 40);
    expect(root.hidden).toBe(false);
    expect(toasts(root)).toHaveLength(0);
    expect(byText(root, 'toastMore 40')).toHaveLength(1);
  });
});

/** A person's click: the browser marks it trusted (happy-dom's and page scripts' clicks are not). */
function clickAsPerson(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
