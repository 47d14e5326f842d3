import { useEffect, useRef, useState } from 'preact/hooks';
import { probeFailedText, type ProbeText } from '../../utils/pages/options/probe-text';

export interface Probe {
  readonly busy: boolean;
  /** The last outcome, while the fields it tested are still as they were (`key`). */
  resultFor(key: string): ProbeText | undefined;
  /** Starts a test of the fields `key` stands for, cancelling one still running. */
  run(key: string, test: (signal: AbortSignal) => Promise<ProbeText>): void;
  /** Shows an outcome without running anything (e.g. "fix the address first"). */
  show(key: string, result: ProbeText): void;
}

/**
 * One "Test" button's state. An outcome belongs to what was tested: once those fields change it is
 * no longer shown ("Connected" under an address that was never tried would be a lie). A test still
 * running when the page closes or a new one starts is cancelled.
 */
export function useProbe(): Probe {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly key: string; readonly result: ProbeText } | undefined>(undefined);
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(), []);
  return {
    busy,
    resultFor: (key) => (outcome?.key === key ? outcome.result : undefined),
    run(key, test) {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setBusy(true);
      void test(controller.signal)
        .catch((error: unknown) => probeFailedText(error instanceof Error ? error.message : String(error)))
        .then((result) => {
          if (controller.signal.aborted) return;
          setOutcome({ key, result });
          setBusy(false);
        });
    },
    show(key, result) {
      running.current?.abort();
      setBusy(false);
      setOutcome({ key, result });
    },
  };
}
