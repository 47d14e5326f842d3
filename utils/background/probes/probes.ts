import * as v from 'valibot';
import { createLogger } from '../../core/log';
import type { PortLike } from '../../core/port';
import { probeConnection, type ConnectionProbeDeps } from './connection-probe';
import { probeDirectory } from './directory-probe';
import { probeIdentity, type IdentityProbeDeps } from './identity-probe';
import { PROBE_PORT, ProbeRequestSchema, type ProbeReply } from '../../core/messages/options-background-probes';

const log = createLogger('probe');

export interface ProbeHost {
  /** This extension's id and origin: only its own pages may run tests (never a content script). */
  readonly extensionId: string;
  readonly extensionOrigin: string;
}

/**
 * Serves the options page's "Test connection", "Test" of the user list and of who I am, over a
 * port of their own each.
 * The test stops when the page goes away (its port disconnects).
 */
export function serveProbes(deps: ConnectionProbeDeps & IdentityProbeDeps, host: ProbeHost) {
  return (port: PortLike): void => {
    if (port.name !== PROBE_PORT) return;
    if (port.sender?.id !== host.extensionId || !port.sender.url?.startsWith(host.extensionOrigin)) {
      log.warn('refused a test from outside this extension’s pages');
      port.disconnect();
      return;
    }
    const stop = new AbortController();
    port.onDisconnect.addListener(() => stop.abort());
    const onMessage = (message: unknown) => {
      port.onMessage.removeListener(onMessage);
      const parsed = v.safeParse(ProbeRequestSchema, message);
      const reply = (answer: ProbeReply) => {
        if (stop.signal.aborted) return;
        try {
          port.postMessage(answer);
        } catch {
          // The page closed while the test ran.
        }
      };
      if (!parsed.success) return reply({ ok: false, error: 'malformed test request' });
      const request = parsed.output;
      const run =
        request.probe === 'connection'
          ? probeConnection(request, deps, stop.signal)
          : request.probe === 'directory'
            ? probeDirectory(request, deps, stop.signal)
            : probeIdentity(request, deps, stop.signal);
      run.then(
        (result) => reply({ ok: true, result }),
        (error: unknown) => {
          log.warn('a setup test failed', error);
          reply({ ok: false, error: String(error) });
        },
      );
    };
    port.onMessage.addListener(onMessage);
  };
}
