import { useEffect, useState } from 'preact/hooks';
import type { RosterClient } from '../utils/core/roster-client';
import type { RosterState } from '../utils/core/messages/roster-state';

/** The background's state as a view sees it, re-rendering on every change. */
export function useRoster(client: RosterClient): RosterState | undefined {
  const [state, setState] = useState(client.state);
  useEffect(() => {
    const subscription = new AbortController();
    client.subscribe((next) => setState(next), subscription.signal);
    setState(client.state);
    return () => subscription.abort();
  }, [client]);
  return state;
}

/** The time, re-read every `periodMs` (countdowns, "5 minutes ago"); `null` stops the ticking. */
export function useNow(periodMs: number | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (periodMs === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
