import { useCallback, useState } from 'preact/hooks';

export interface Announcer {
  /** The text in the polite live region. */
  readonly message: string;
  readonly announce: (text: string) => void;
}

/**
 * One polite live region for what happens without a focus change (a call armed, rung, failed).
 * The same sentence twice in a row must be heard twice: an invisible trailing space alternates.
 */
export function useAnnouncer(): Announcer {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => {
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);
  return { message, announce };
}
