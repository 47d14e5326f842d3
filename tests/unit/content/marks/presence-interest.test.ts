import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import {
  followPresenceInterest,
  QUIET_AFTER_MS,
  type PresenceInterest,
} from '../../../../utils/content/marks/presence-interest';
import { FakeClient } from '../../components/popup/helpers/fake-client';
import { rosterState } from '../../components/popup/helpers/state';
import { realTimers } from '../../../helpers/real-timers';

let client: FakeClient;
let life: AbortController;
let quieted: number;
let interest: PresenceInterest;

const timers = realTimers;
const said = () =>
  client.requests.map((request) => (request.op === 'quiet' ? `quiet:${String(request.on)}` : request.op));

beforeEach(() => {
  vi.useFakeTimers();
  client = new FakeClient(rosterState());
  life = new AbortController();
  quieted = 0;
  interest = followPresenceInterest(client, { timers, quieted: () => quieted++ }, life.signal);
});

afterEach(() => {
  life.abort();
  vi.useRealTimers();
});

test('a page with rows never goes quiet', () => {
  interest.rows(true);
  vi.advanceTimersByTime(QUIET_AFTER_MS * 3);
  expect(said()).toEqual([]);
});

test(`no rows for ${QUIET_AFTER_MS} ms: quiet, once`, () => {
  interest.rows(false);
  interest.rows(false);
  vi.advanceTimersByTime(QUIET_AFTER_MS - 1);
  expect(said()).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(said()).toEqual(['quiet:true']);
  expect(quieted).toBe(1);
  interest.rows(false);
  vi.advanceTimersByTime(QUIET_AFTER_MS * 2);
  expect(said()).toEqual(['quiet:true']);
});

test('rows that come before the wait is over keep the page loud (a table the host loads itself)', () => {
  interest.rows(false);
  vi.advanceTimersByTime(QUIET_AFTER_MS - 100);
  interest.rows(true);
  vi.advanceTimersByTime(QUIET_AFTER_MS * 2);
  expect(said()).toEqual([]);
});

test('rows after going quiet: loud again, and a fresh snapshot', () => {
  interest.rows(false);
  vi.advanceTimersByTime(QUIET_AFTER_MS);
  interest.rows(true);
  expect(said()).toEqual(['quiet:true', 'quiet:false', 'snapshot']);
  interest.rows(true);
  expect(said()).toHaveLength(3);
});

test('a new port while quiet (the worker restarted) is loud: the wait starts over', () => {
  interest.rows(false);
  vi.advanceTimersByTime(QUIET_AFTER_MS);
  client.publish(rosterState());
  expect(said()).toEqual(['quiet:true']);
  vi.advanceTimersByTime(QUIET_AFTER_MS);
  expect(said()).toEqual(['quiet:true', 'quiet:true']);
  expect(quieted).toBe(2);
});

test('nothing is said after the page is gone', () => {
  interest.rows(false);
  life.abort();
  vi.advanceTimersByTime(QUIET_AFTER_MS * 2);
  expect(said()).toEqual([]);
});
