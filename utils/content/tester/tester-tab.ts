import type { TimerHandle } from '../../core/timers';
import { pageAddress } from '../page/page-address';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { SiteProfileSchema } from '../../core/sites/settings-schema';
import type { PortLike } from '../../core/port';
import {
  TEST_ANCHOR_ATTRIBUTE,
  TEST_ATTRIBUTE,
  TESTER_PORT,
  TesterRequestSchema,
  type TesterReply,
} from '../../core/messages/options-tester';
import { scanProfile, type ScannedRow } from './tester-scan';

/** Set once per tab: injecting the tester again (a second test) must not add a second listener. */
const INSTALLED = Symbol.for('roster.profileTester');
/** Host pages re-render: after their DOM settles, the profile is tried again. */
const RESCAN_AFTER_MS = 400;

/** The tester's side in the host tab. Listens for the options page's port until the page unloads. */
export function installTester(): void {
  const global = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  browser.runtime.onConnect.addListener((port: PortLike) => {
    if (port.name !== TESTER_PORT || port.sender?.id !== browser.runtime.id) return;
    serve(port, document);
  });
}

/** One options page testing profiles here: outlines live exactly as long as its port. */
export function serve(port: PortLike, doc: Document): void {
  let outlined: readonly ScannedRow[] = [];
  let profile: v.InferOutput<typeof SiteProfileSchema> | undefined;
  let timer: TimerHandle | undefined;

  const clear = () => {
    for (const { row, anchor } of outlined) {
      row.removeAttribute(TEST_ATTRIBUTE);
      anchor?.removeAttribute(TEST_ANCHOR_ATTRIBUTE);
    }
    outlined = [];
  };
  const post = (reply: TesterReply) => {
    try {
      port.postMessage(reply);
    } catch {
      // The options page is gone; its disconnect cleans up.
    }
  };
  const run = () => {
    if (!profile) return;
    observer.disconnect();
    clear();
    const result = scanProfile(doc, profile);
    outlined = result.scanned;
    for (const { row, verdict, anchor } of outlined) {
      if (verdict === 'duplicate') continue;
      row.setAttribute(TEST_ATTRIBUTE, verdict);
      anchor?.setAttribute(TEST_ANCHOR_ATTRIBUTE, '');
    }
    const { rows, users, duplicates, unread, sample, truncated } = result;
    // A frame the host filled by script (about:blank) answers with the address Roster judges it by.
    post({
      type: 'result',
      url: pageAddress(doc, doc.defaultView?.origin ?? ''),
      rows,
      users,
      duplicates,
      unread,
      sample: [...sample],
      truncated,
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };
  // Our own attribute changes are not observed (no `attributes`), so outlining never loops.
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(run, RESCAN_AFTER_MS);
  });

  port.onMessage.addListener((message) => {
    const request = v.safeParse(TesterRequestSchema, message);
    if (!request.success) return;
    const parsed = v.safeParse(SiteProfileSchema, request.output.profile);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      profile = undefined;
      clear();
      post({ type: 'refused', field: v.getDotPath(issue) ?? '', message: issue.message });
      return;
    }
    profile = parsed.output;
    run();
  });
  port.onDisconnect.addListener(() => {
    clearTimeout(timer);
    observer.disconnect();
    profile = undefined;
    clear();
  });
}
