import * as v from 'valibot';
import type { PortLike } from '../../core/port';
import {
  ConnectionProbeResultSchema,
  DirectoryProbeResultSchema,
  IdentityProbeResultSchema,
  PROBE_PORT,
  ProbeReplySchema,
  type ConnectionProbeResult,
  type DirectoryProbeResult,
  type IdentityProbeResult,
  type ProbeRequestInput,
} from '../../core/messages/options-background-probes';

/** The options page's side of the setup tests; the background runs them. */
export interface SetupProbes {
  connection(
    request: Extract<ProbeRequestInput, { probe: 'connection' }>,
    signal: AbortSignal,
  ): Promise<ConnectionProbeResult>;
  directory(
    request: Extract<ProbeRequestInput, { probe: 'directory' }>,
    signal: AbortSignal,
  ): Promise<DirectoryProbeResult>;
  identity(
    request: Extract<ProbeRequestInput, { probe: 'identity' }>,
    signal: AbortSignal,
  ): Promise<IdentityProbeResult>;
}

export class ProbeError extends Error {
  override readonly name = 'ProbeError';
}

/** A test longer than this is reported as failed: the background's own limits are well under it. */
const REPLY_TIMEOUT_MS = 30_000;

/**
 * One port per test: the background answers once. Closing the page (or aborting) disconnects the
 * port, and the background then stops the test and closes its socket.
 */
export function probesOverPorts(connect: (name: string) => PortLike): SetupProbes {
  const ask = <T>(request: ProbeRequestInput, schema: v.GenericSchema<unknown, T>, signal: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const port = connect(PROBE_PORT);
      let settled = false;
      const done = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        port.disconnect();
        settle();
      };
      const timer = setTimeout(
        () => done(() => reject(new ProbeError('no answer from the background'))),
        REPLY_TIMEOUT_MS,
      );
      const onAbort = () => done(() => reject(new ProbeError('cancelled')));
      signal.addEventListener('abort', onAbort, { once: true });
      port.onMessage.addListener((message) => {
        const reply = v.safeParse(ProbeReplySchema, message);
        if (!reply.success) return done(() => reject(new ProbeError('malformed answer')));
        if (!reply.output.ok) {
          const error = reply.output.error;
          return done(() => reject(new ProbeError(error)));
        }
        const result = v.safeParse(schema, reply.output.result);
        done(() => (result.success ? resolve(result.output) : reject(new ProbeError('malformed result'))));
      });
      port.onDisconnect.addListener(() => done(() => reject(new ProbeError('the background went away'))));
      port.postMessage(request);
    });
  return {
    connection: (request, signal) => ask(request, ConnectionProbeResultSchema, signal),
    directory: (request, signal) => ask(request, DirectoryProbeResultSchema, signal),
    identity: (request, signal) => ask(request, IdentityProbeResultSchema, signal),
  };
}
