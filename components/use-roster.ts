import { useEffect, useState } from 'preact/hooks';
import type { RosterClient } from '../utils/messaging/client';
import type { RosterState } from '../utils/roster/state';

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

/** Re-renders every second while `active`, for countdowns. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
