import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BEHIND_SHOWN_TABS_MS, holdBehindShownTabs } from '../../../../utils/background/ports/behind-shown-tabs';
import { globalTimers } from '../../../../utils/core/timers';

let shown: boolean;
let posted: string[];
let life: AbortController;

function held() {
  return holdBehindShownTabs<string>(
    (message) => posted.push(message),
    () => shown,
    globalTimers,
    life.signal,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  shown = false;
  posted = [];
  life = new AbortController();
});

afterEach(() => {
  life.abort();
  vi.useRealTimers();
});

describe('holdBehindShownTabs', () => {
  test('a shown tab gets a change at once', () => {
    shown = true;
    held().soon('presence');
    expect(posted).toEqual(['presence']);
  });

  test('a tab behind others gets its changes together, in order, a moment later', () => {
    const post = held();
    post.soon('presence 1');
    vi.advanceTimersByTime(BEHIND_SHOWN_TABS_MS / 2);
    post.soon('presence 2');
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(BEHIND_SHOWN_TABS_MS / 2);
    expect(posted).toEqual(['presence 1', 'presence 2']);
  });

  test('a tab brought to the front gets what it waited for at once', () => {
    const post = held();
    post.soon('presence');
    post.flush();
    expect(posted).toEqual(['presence']);
    vi.advanceTimersByTime(BEHIND_SHOWN_TABS_MS);
    expect(posted).toEqual(['presence']);
  });

  test('what may not wait goes now, behind what was held', () => {
    const post = held();
    post.soon('presence');
    post.now('ring');
    expect(posted).toEqual(['presence', 'ring']);
  });

  test('a change after held ones waits with them even once the tab is shown, so none overtakes', () => {
    const post = held();
    post.soon('presence 1');
    shown = true;
    post.soon('presence 2');
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(BEHIND_SHOWN_TABS_MS);
    expect(posted).toEqual(['presence 1', 'presence 2']);
  });

  test('a port that closed posts nothing it held', () => {
    const post = held();
    post.soon('presence');
    life.abort();
    vi.advanceTimersByTime(BEHIND_SHOWN_TABS_MS);
    post.soon('later');
    expect(posted).toEqual([]);
  });
});
