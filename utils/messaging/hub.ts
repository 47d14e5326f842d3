import * as v from 'valibot';
import { createLogger } from '../log';
import type { RosterService } from '../roster/service';
import type { RosterEvent, RosterState } from '../roster/state';
import type { PortLike } from './port';
import { PORT_NAME } from './port';
import { allowedOps, ClientMessageSchema, type Replies, type Request, type Role, type ServerMessage } from './protocol';

const log = createLogger('hub');

export interface HubOptions {
  /** This extension's id: ports from anything else are refused. */
  readonly extensionId: string;
  /** This extension's own origin (`chrome-extension://<id>/`): its pages may do more than content scripts. */
  readonly extensionOrigin: string;
}

/**
 * The background end of every view's port: checks who is connecting, sends the state at once and
 * then every event, and answers requests. Ports may arrive before the service is ready (a woken
 * worker is still reading its mirror); they are served as soon as it is.
 */
export function serveViews(ready: Promise<RosterService>, options: HubOptions) {
  return (port: PortLike): void => {
    if (port.name !== PORT_NAME) return;
    if (port.sender?.id !== options.extensionId) {
      log.warn('refused a port from outside this extension');
      port.disconnect();
      return;
    }
    const role: Role = port.sender.url?.startsWith(options.extensionOrigin) ? 'page' : 'content';
    const closed = new AbortController();
    port.onDisconnect.addListener(() => closed.abort());
    ready.then((service) => attach(port, role, service, closed.signal), (error: unknown) => log.error('not ready', error));
  };
}

function attach(port: PortLike, role: Role, service: RosterService, signal: AbortSignal): void {
  if (signal.aborted) return;
  const post = (message: ServerMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The view went away between two events; its onDisconnect ends this subscription.
    }
  };
  const send = (event: RosterEvent) => {
    const visible = forRole(event, role);
    if (visible) post({ type: 'event', event: visible });
  };
  service.subscribe(send, signal);
  send({ type: 'state', state: service.state() });

  const onMessage = (message: unknown) => {
    const parsed = v.safeParse(ClientMessageSchema, message);
    if (!parsed.success) {
      log.debug('dropped a malformed view message');
      return;
    }
    const { id, request } = parsed.output;
    if (!allowedOps[role].has(request.op)) {
      post({ type: 'reply', id, ok: false, error: `${request.op} is not allowed from a ${role}` });
      return;
    }
    const value = answer(service, request, role);
    post({ type: 'reply', id, ok: true, value });
  };
  port.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => port.onMessage.removeListener(onMessage), { once: true });
}

function answer(service: RosterService, request: Request, role: Role): Replies[Request['op']] {
  switch (request.op) {
    case 'snapshot':
      return stateForRole(service.state(), role);
    case 'sendCall':
      return service.sendCall(request.to);
    case 'retryNow':
      service.retryNow();
      return null;
    case 'learnNames':
      service.learnNames(request.names);
      return null;
  }
}

/** Content scripts run in host pages: they get presence and names, not my call log. */
function forRole(event: RosterEvent, role: Role): RosterEvent | undefined {
  if (role === 'page') return event;
  switch (event.type) {
    case 'state':
      return { type: 'state', state: stateForRole(event.state, role) };
    case 'outgoing':
    case 'incoming':
      return undefined;
    default:
      return event;
  }
}

function stateForRole(state: RosterState, role: Role): RosterState {
  return role === 'page' ? state : { ...state, outgoing: [] };
}
