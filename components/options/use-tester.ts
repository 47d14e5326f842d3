import { useEffect, useRef, useState } from 'preact/hooks';
import type { Json } from '../../utils/pages/options/json';
import type { OptionsPorts } from '../../utils/pages/options/ports';
import type { TesterReply } from '../../utils/core/messages/options-tester';
import type { TabInfo } from '../../utils/pages/options/tester-tabs';

/** Edits reach the tab this long after the last keystroke, not on every one. */
const RESEND_AFTER_MS = 250;

/** What one frame of the tab answered (frame 0 is the tab's own page). */
export interface FrameReply {
  readonly frameId: number;
  readonly reply: TesterReply;
}

export interface Tester {
  readonly tabs: readonly TabInfo[];
  /** The tab being tested, while a test runs. */
  readonly testing: number | undefined;
  /** One answer per frame tested, the tab's own page first. */
  readonly replies: readonly FrameReply[];
  /** Why the test could not start (a page Roster may not script, the tab closed). */
  readonly failure: string | undefined;
  readonly start: (tabId: number) => void;
  readonly stop: () => void;
}

/**
 * A live test of one profile in one tab (each of its frames answers for itself): the profile is sent again whenever it changes (while it
 * is valid), and the tab answers with what it finds. Stops when asked, when the tab closes, and
 * when the editor goes away.
 */
export function useTester(ports: OptionsPorts, profile: Json | undefined): Tester {
  const [tabs, setTabs] = useState<readonly TabInfo[]>([]);
  const [testing, setTesting] = useState<number | undefined>(undefined);
  const [replies, setReplies] = useState<readonly FrameReply[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const session = useRef<{ readonly controller: AbortController; send?: (profile: unknown) => void } | undefined>(
    undefined,
  );

  useEffect(() => {
    const stop = new AbortController();
    const refresh = () =>
      void ports.tester.tabs().then(
        (next) => !stop.signal.aborted && setTabs(next),
        () => undefined,
      );
    refresh();
    ports.tester.onTabsChange(refresh, stop.signal);
    return () => {
      stop.abort();
      session.current?.controller.abort();
    };
  }, [ports]);

  const stop = () => {
    session.current?.controller.abort();
    session.current = undefined;
    setTesting(undefined);
    setReplies([]);
  };

  // The tab under test was closed.
  useEffect(() => {
    if (testing !== undefined && !tabs.some((tab) => tab.id === testing)) stop();
  }, [tabs, testing]);

  useEffect(() => {
    const current = session.current;
    if (!current?.send || profile === undefined) return;
    const timer = setTimeout(() => current.send?.(profile), RESEND_AFTER_MS);
    return () => clearTimeout(timer);
  }, [JSON.stringify(profile)]);

  const start = (tabId: number) => {
    stop();
    setFailure(undefined);
    const controller = new AbortController();
    const started: { readonly controller: AbortController; send?: (profile: unknown) => void } = { controller };
    session.current = started;
    setTesting(tabId);
    const onReply = (reply: TesterReply, frameId: number) => {
      if (controller.signal.aborted) return;
      setReplies((before) =>
        [...before.filter((known) => known.frameId !== frameId), { frameId, reply }].sort(
          (a, b) => a.frameId - b.frameId,
        ),
      );
    };
    ports.tester.start(tabId, onReply, controller.signal).then(
      (send) => {
        if (controller.signal.aborted) return;
        started.send = send;
        if (profile !== undefined) send(profile);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        controller.abort();
        session.current = undefined;
        setTesting(undefined);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
  };

  return { tabs, testing, replies, failure, start, stop };
}
