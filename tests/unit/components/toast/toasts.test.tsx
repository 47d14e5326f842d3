import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallToasts } from '../../../../components/toast/CallToasts';
import type { RingingCall } from '../../../../utils/core/calls/records';
import { dispatchCallEvent } from '../../../../utils/content/calls/page-event';
import { toastStack } from '../../../../utils/content/calls/toast-stack';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const call = (id: string, at: number, callerName = `Caller ${id}`): RingingCall => ({
  id,
  callerId: id as UserId,
  callerName,
  at,
});

beforeEach(() => {
  // The key and its substitutions: tests check which message is shown, whatever the catalogue says.
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' ');
});
afterEach(cleanup);

describe('toastStack', () => {
  test.each([
    [0, 0, 0],
    [1, 1, 0],
    [3, 3, 0],
    [4, 3, 1],
    [500, 3, 497],
  ])('%i ringing: %i toasts and %i more', (count, shown, more) => {
    const ringing = Array.from({ length: count }, (_, index) => call(String(index), index));
    const stack = toastStack(ringing);
    expect(stack.shown).toHaveLength(shown);
    expect(stack.more).toBe(more);
    if (count > 0) expect(stack.shown[0]?.id).toBe(String(count - 1));
  });

  test('calls only counted (a flood) add to "+N more"', () => {
    const ringing = Array.from({ length: 200 }, (_, index) => call(String(index), index));
    expect(toastStack(ringing, 3, 300).more).toBe(497);
  });
});

describe('CallToasts', () => {
  const handlers = () => ({ onCallBack: vi.fn(), onDismiss: vi.fn(), onDismissAll: vi.fn() });

  test('a hostile caller name is shown as text and runs nothing', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(<CallToasts ringing={[call('7', 1, hostile)]} notes={new Map()} {...handlers()} />);
    expect(screen.getByText(`notificationTitle ${hostile}`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  test('at most three toasts; the rest collapse into +N more with Dismiss all', () => {
    const props = handlers();
    const ringing = Array.from({ length: 5 }, (_, index) => call(String(index), index));
    render(<CallToasts ringing={ringing} notes={new Map()} {...props} />);
    expect(screen.getAllByRole('alertdialog')).toHaveLength(3);
    expect(screen.getByText('toastMore 2')).toBeTruthy();
    clickAsPerson(screen.getByText('dismissAll'));
    expect(props.onDismissAll).toHaveBeenCalledOnce();
  });

  test('Call back and Dismiss act on that call; a note explains a failed call back', () => {
    const props = handlers();
    render(<CallToasts ringing={[call('7', 1)]} notes={new Map([['7', 'Caller 7 is offline.']])} {...props} />);
    clickAsPerson(screen.getByText('callBack'));
    clickAsPerson(screen.getByText('dismiss'));
    expect(props.onCallBack).toHaveBeenCalledWith('7');
    expect(props.onDismiss).toHaveBeenCalledWith('7');
    expect(screen.getByText('Caller 7 is offline.')).toBeTruthy();
  });

  test('a host page’s script clicking the buttons rings nobody and dismisses nothing', () => {
    const props = handlers();
    const ringing = Array.from({ length: 5 }, (_, index) => call(String(index), index));
    render(<CallToasts ringing={ringing} notes={new Map()} {...props} />);
    for (const label of ['callBack', 'dismiss', 'dismissAll']) {
      const target = screen.getAllByText(label)[0]!;
      fireEvent.click(target);
      (target as HTMLButtonElement).click();
    }
    expect(props.onCallBack).not.toHaveBeenCalled();
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(props.onDismissAll).not.toHaveBeenCalled();
  });

  test('nothing ringing: nothing drawn', () => {
    const { container } = render(<CallToasts ringing={[]} notes={new Map()} {...handlers()} />);
    expect(container.innerHTML).toBe('');
  });
});

/** A person's click: the browser marks it trusted (happy-dom's and page scripts' clicks are not). */
function clickAsPerson(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  fireEvent(target, event);
}

describe('dispatchCallEvent', () => {
  test('the host page gets plain data under the configured name', () => {
    const heard: CustomEvent[] = [];
    window.addEventListener('refreshApplication', (event) => heard.push(event as CustomEvent));
    dispatchCallEvent(window, 'refreshApplication', call('7', Date.UTC(2026, 10, 25, 9), '李四'));
    expect(heard).toHaveLength(1);
    expect(heard[0]?.detail).toEqual({ callerId: '7', callerName: '李四', time: '2026-11-25T09:00:00.000Z' });
  });
});
