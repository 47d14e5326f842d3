import type { MessageKey } from '../../extension/i18n';
import type { ConnectionProbeResult, DirectoryProbeResult } from '../../core/messages/options-background-probes';
import { hostList, hostOf } from './hosts';

/** A test's outcome as the page says it. Pure. */
export interface ProbeText {
  readonly key: MessageKey;
  readonly substitutions: readonly (string | number)[];
  readonly tone: 'ok' | 'busy' | 'problem';
  /** The technical detail (close code, HTTP status), shown smaller. */
  readonly detail?: string;
}

export function connectionProbeText(result: ConnectionProbeResult): ProbeText {
  switch (result.outcome) {
    case 'connected': {
      const who = result.me ? result.me.name || result.me.id : undefined;
      if (!who) return { key: 'optionsProbeConnectedUnknown', substitutions: [], tone: 'busy' };
      if (result.online === null) return { key: 'optionsProbeConnectedNoList', substitutions: [who], tone: 'ok' };
      return { key: 'optionsProbeConnected', substitutions: [who, result.online], tone: 'ok' };
    }
    case 'rejected':
      return { key: 'optionsProbeRejected', substitutions: [], tone: 'problem', detail: result.detail };
    case 'refused':
      return { key: 'optionsProbeRefused', substitutions: [], tone: 'problem', detail: result.detail };
    case 'unreachable':
      return { key: 'optionsProbeUnreachable', substitutions: [], tone: 'problem', detail: result.detail };
    case 'wrong-protocol':
      return { key: 'optionsProbeWrongProtocol', substitutions: [], tone: 'problem', detail: result.detail };
    case 'closed':
      return { key: 'optionsProbeClosed', substitutions: [], tone: 'problem', detail: result.detail };
    case 'signed-out':
      return result.siteUrl
        ? { key: 'optionsProbeSignedOut', substitutions: [hostOf(result.siteUrl)], tone: 'problem' }
        : { key: 'optionsProbeNoSite', substitutions: [], tone: 'problem' };
    case 'no-permission':
      return { key: 'optionsProbeNoAccess', substitutions: [hostList(result.origins)], tone: 'problem' };
    case 'not-configured':
      return { key: 'optionsProbeNoServer', substitutions: [], tone: 'problem' };
  }
}

export function directoryProbeText(
  result: DirectoryProbeResult,
  fields: { readonly idField: string; readonly nameField: string },
): ProbeText {
  switch (result.outcome) {
    case 'read': {
      const sample = result.sample.join(', ');
      if (result.beyond > 0)
        return { key: 'optionsDirReadBeyond', substitutions: [result.users, sample, result.beyond], tone: 'ok' };
      if (result.users === 0)
        return {
          key: 'optionsDirNoneUsable',
          substitutions: [result.skipped, fields.idField, fields.nameField],
          tone: 'problem',
        };
      if (result.skipped > 0)
        return { key: 'optionsDirReadSkipped', substitutions: [result.users, sample, result.skipped], tone: 'ok' };
      return { key: 'optionsDirRead', substitutions: [result.users, sample], tone: 'ok' };
    }
    case 'failed': {
      const keys = {
        http: 'optionsDirHttp',
        network: 'optionsDirNetwork',
        timeout: 'optionsDirTimeout',
        redirected: 'optionsDirRedirected',
        'too-large': 'optionsDirTooLarge',
        'not-json': 'optionsDirNotJson',
        'not-a-list': 'optionsDirNotList',
      } as const satisfies Record<typeof result.code, MessageKey>;
      return { key: keys[result.code], substitutions: [], tone: 'problem', detail: result.detail };
    }
    case 'no-permission':
      return { key: 'optionsProbeNoAccess', substitutions: [hostList(result.origins)], tone: 'problem' };
    case 'not-configured':
      return { key: 'optionsDirNoUrl', substitutions: [], tone: 'problem' };
  }
}

/** The test itself could not run (the background did not answer). */
export function probeFailedText(detail: string): ProbeText {
  return { key: 'optionsProbeFailed', substitutions: [], tone: 'problem', detail };
}
