import * as v from 'valibot';
import { createLogger } from '../../core/log';
import { ContentPolicy } from './content-policy';
import type { RosterService } from '../service/service';
import type { CallAbout, CallPage, RosterEvent } from '../../core/messages/roster-state';
import { forViewer, stateForRole, type Audience } from './view-events';
import type { HostTabs } from './host-tabs';
import type { ActiveTabs } from './active-tabs';
import { holdBehindShownTabs } from './behind-shown-tabs';
import { globalTimers, type Timers } from '../../core/timers';
import type { PortLike } from '../../core/port';
import {
  allowedOps,
  ViewToBackgroundSchema,
  type Replies,
  type ViewRequest,
  type Role,
  type ContentPart,
} from '../../core/messages/views-background';
import { PORT_NAME, type BackgroundToView } from '../../core/messages/background-to-view';

const log = createLogger('hub');

export interface HubOptions {
  /** This extension's id: ports from anything else are refused. */
  readonly extensionId: string;
  /** This extension's own origin (`chrome-extension://<id>/`): its pages may do more than content scripts. */
  readonly extensionOrigin: string;
  /** For the content scripts' call limit; `Date.now` when absent. */
  readonly now?: () => number;
  /**
   * Puts a part of the content script into a host frame: the toasts before the frame's first toast,
   * the hover card when the page asks. Host pages load only what every page needs.
   */
  readonly loadPart?: (part: ContentPart, tabId: number, frameId: number) => Promise<unknown>;
  /** The tabs calls may be about and open: absent where there are none (tests of other things). */
  readonly pages?: PagesPort;
  /**
   * The tabs people see: host tabs behind them get presence and names a moment later (see
   * `behind-shown-tabs.ts`). Absent: every tab gets them at once.
   */
  readonly activeTabs?: ActiveTabs;
  /** For holding those changes; the global timers when absent. */
  readonly timers?: Timers;
}

/** The browser's tabs, as far as calls about a page need them. */
export interface PagesPort {
  /** The active tab of the window last focused (what the popup is over). */
  active(): Promise<{ readonly url?: string; readonly title?: string } | undefined>;
  /** Shows `url`: a tab already showing it comes to the front, else a new tab opens. */
  open(url: string): Promise<void>;
}

/**
 * The background end of every view's port: checks who is connecting, sends the state at once and
 * then every event, and answers requests. Ports may arrive before the service is ready (a woken
 * worker is still reading its mirror); they are served as soon as it is.
 */
export function serveViews(ready: Promise<RosterService>, options: HubOptions, hostTabs: HostTabs) {
  return (port: PortLike): void => {
    if (port.name !== PORT_NAME) return;
    if (port.sender?.id !== options.extensionId) {
      log.warn('refused a port from outside this extension');
      port.disconnect();
      return;
    }
    const role: Role = port.sender.url?.startsWith(options.extensionOrigin) ? 'page' : 'content';
    const tabId = role === 'content' ? port.sender.tab?.id : undefined;
    const frameId = port.sender.frameId ?? 0;
    const url = port.sender.url ?? '';
    const closed = new AbortController();
    if (tabId !== undefined) hostTabs.add(tabId, frameId);
    port.onDisconnect.addListener(() => {
      closed.abort();
      if (tabId !== undefined) hostTabs.remove(tabId, frameId);
    });
    const policy = role === 'content' ? new ContentPolicy() : undefined;
    const now = options.now ?? Date.now;
    ready.then(
      (service) =>
        attach(
          port,
          {
            role,
            tabId,
            frameId,
            url,
            policy,
            now,
            hostTabs,
            quiet: { on: false },
            load: loader(options, tabId, frameId),
            pages: options.pages,
            activeTabs: options.activeTabs,
            timers: options.timers ?? globalTimers,
          },
          service,
          closed.signal,
        ),
      (error: unknown) => log.error('not ready', error),
    );
  };
}

interface Viewer extends Audience {
  /** The address of the page or frame the port comes from, as the browser reports it. */
  readonly url: string;
  /** A content script's limits (see `ContentPolicy`); none for extension pages. */
  readonly policy: ContentPolicy | undefined;
  readonly now: () => number;
  /** Written by the `quiet` op. */
  readonly quiet: { on: boolean };
  /** Loads a part into this frame, once per port; settles at once for extension pages. */
  readonly load: (part: ContentPart) => Promise<unknown>;
  readonly pages: PagesPort | undefined;
  readonly activeTabs: ActiveTabs | undefined;
  readonly timers: Timers;
}

function loader(options: HubOptions, tabId: number | undefined, frameId: number): Viewer['load'] {
  const loaded = new Set<ContentPart>();
  return (part) => {
    const { loadPart } = options;
    if (!loadPart || tabId === undefined || loaded.has(part)) return Promise.resolve();
    // Once: a frame that refuses the script (no access) goes without, and is not asked again.
    loaded.add(part);
    return loadPart(part, tabId, frameId).catch((error: unknown) =>
      log.warn(`could not load the ${part} into a host frame`, error),
    );
  };
}

function attach(port: PortLike, viewer: Viewer, service: RosterService, signal: AbortSignal): void {
  if (signal.aborted) return;
  const postNow = (message: BackgroundToView) => {
    try {
      port.postMessage(message);
    } catch {
      // The view went away between two events; its onDisconnect ends this subscription.
    }
  };
  /** While the toasts' script loads, later messages wait behind it, so the frame sees them in order. */
  let behind: Promise<unknown> | undefined;
  const inOrder = (step: () => unknown) => {
    const next = (behind ?? Promise.resolve()).then(step);
    behind = next;
    void next.then(() => {
      if (behind === next) behind = undefined;
    });
  };
  const { tabId, activeTabs } = viewer;
  const held = holdBehindShownTabs<BackgroundToView>(
    (message) => (behind ? inOrder(() => postNow(message)) : postNow(message)),
    () => tabId === undefined || activeTabs === undefined || activeTabs.isShown(tabId),
    viewer.timers,
    signal,
  );
  if (tabId !== undefined) activeTabs?.onActivated((shown) => shown === tabId && held.flush(), signal);
  const post = (message: BackgroundToView) => held.now(message);
  const send = (event: RosterEvent) => {
    const visible = forViewer(event, viewer);
    if (!visible) return;
    if (visible.type === 'ring' && visible.toast) {
      viewer.policy?.toasted(visible.call.id);
      held.flush();
      inOrder(() => viewer.load('call-toasts'));
    }
    if (visible.type === 'callClosed') viewer.policy?.closed(visible.id);
    if (visible.type === 'presence' || visible.type === 'names') held.soon({ type: 'event', event: visible });
    else post({ type: 'event', event: visible });
  };
  service.subscribe(send, signal);
  send({ type: 'state', state: service.state() });

  const onMessage = (message: unknown) => {
    const parsed = v.safeParse(ViewToBackgroundSchema, message);
    if (!parsed.success) {
      log.debug('dropped a malformed view message');
      return;
    }
    const { id, request } = parsed.output;
    if (!allowedOps[viewer.role].has(request.op)) {
      post({ type: 'reply', id, ok: false, error: `${request.op} is not allowed from a ${viewer.role}` });
      return;
    }
    const refused = refusedByPolicy(request, viewer);
    if (refused) {
      log.warn(`refused ${request.op} from a host page: ${refused.why}`);
      post({ type: 'reply', id, ok: true, value: refused.reply });
      return;
    }
    Promise.resolve(answer(service, request, viewer)).then(
      (value) => post({ type: 'reply', id, ok: true, value }),
      (error: unknown) => post({ type: 'reply', id, ok: false, error: String(error) }),
    );
  };
  port.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => port.onMessage.removeListener(onMessage), { once: true });
}

/** A content script's request beyond its limits gets the answer a refused call gets; `undefined` when it is within them. */
function refusedByPolicy(
  request: ViewRequest,
  viewer: Viewer,
): { why: string; reply: Replies[ViewRequest['op']] } | undefined {
  const { policy } = viewer;
  if (!policy) return undefined;
  if (request.op === 'openCallPage' && !policy.mayAct(request.id)) {
    return { why: 'not a call this page was shown', reply: { opened: false } };
  }
  if ((request.op === 'callBack' || request.op === 'dismissCall') && !policy.mayAct(request.id)) {
    return {
      why: 'not a call this page was shown',
      reply: request.op === 'callBack' ? { ok: false, refusal: 'unknown-call' } : null,
    };
  }
  if ((request.op === 'sendCall' || request.op === 'callBack') && !policy.allowCall(viewer.now())) {
    return { why: 'too many calls', reply: { ok: false, refusal: 'too-many' } };
  }
  return undefined;
}

/** What a view says a call is about; a page only when the view may speak for it. */
function aboutFrom(request: { readonly page?: CallPage; readonly note?: string }, viewer: Viewer): CallAbout {
  const { page, note } = request;
  return { ...(page && speaksFor(viewer, page.url) ? { page } : {}), ...(note !== undefined ? { note } : {}) };
}

function answer(
  service: RosterService,
  request: ViewRequest,
  viewer: Viewer,
): Replies[ViewRequest['op']] | Promise<Replies[ViewRequest['op']]> {
  switch (request.op) {
    case 'snapshot':
      return stateForRole(service.state(), viewer.role);
    case 'sendCall':
      return service.sendCall(request.to, aboutFrom(request, viewer));
    case 'activePage':
      return viewer.pages ? viewer.pages.active().then((tab) => service.pageForCalls(tab)) : null;
    case 'openCallPage': {
      const url = service.callPage(request.id);
      if (url === undefined || !viewer.pages) return { opened: false };
      return viewer.pages.open(url).then(
        () => ({ opened: true }),
        (error: unknown) => {
          log.warn('could not open the page of a call', error);
          return { opened: false };
        },
      );
    }
    case 'callBack':
      return service.callBack(request.id, aboutFrom(request, viewer));
    case 'dismissCall':
      service.dismissCall(request.id);
      return null;
    case 'markCallsSeen':
      service.markCallsSeen();
      return null;
    case 'setDoNotDisturb':
      return service.setDoNotDisturb(request.on).then(() => null);
    case 'retryNow':
      service.retryNow();
      return null;
    case 'learnNames':
      service.learnNames(request.names);
      return null;
    case 'reportIdentity':
      service.reportPageIdentity(request.reading, viewer.url);
      return null;
    case 'frameShown':
      if (viewer.tabId !== undefined) viewer.hostTabs.shown(viewer.tabId, viewer.frameId, request.shown, viewer.now());
      return null;
    case 'quiet':
      viewer.quiet.on = request.on;
      return null;
    case 'loadPart':
      return viewer.load(request.part).then(() => null);
  }
}

/**
 * A content script may say a call is about its own page only: another address of the same origin
 * (a single-page app moves without reconnecting) but never one of another site or frame's origin.
 */
function speaksFor(viewer: Viewer, url: string): boolean {
  if (viewer.role === 'page') return true;
  try {
    return new URL(url).origin === new URL(viewer.url).origin;
  } catch {
    return false;
  }
}
