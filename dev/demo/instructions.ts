import type { UserRecord } from '../server/types';
import { HUMAN_COUNT } from '../bots/roles';
import { firefoxDemoDir } from './paths';

/** What a newcomer needs to see the extension work, printed once everything runs. */
export function demoInstructions(options: {
  readonly extensionDir: string;
  readonly pageUrl: string;
  readonly users: readonly UserRecord[];
  readonly bots: number;
  readonly port: number;
  /** The host shape, when not the default (see `describeShape`). */
  readonly shape?: string | undefined;
}): string[] {
  const humans = options.users
    .slice(0, HUMAN_COUNT)
    .map((user) => `${user.id} ${user.name}`)
    .join(', ');
  const lines = [
    '',
    'Roster demo is running.',
    '',
    '1. Load the extension',
    '   Chrome / Edge: chrome://extensions → turn on "Developer mode" → "Load unpacked" → choose',
    `     ${options.extensionDir}`,
    '   Firefox: about:debugging → "This Firefox" → "Load Temporary Add-on…" → choose',
    `     ${firefoxDemoDir}/manifest.json`,
    `2. Open ${options.pageUrl}/ (use "localhost": the extension's demo settings point there)`,
    `   and sign in as one of: ${humans}.`,
    '   To call between two people, sign in as another user in a second browser profile with the extension.',
    options.bots > 0
      ? `3. ${options.bots} bots (users ${HUMAN_COUNT + 1}–${HUMAN_COUNT + options.bots}) come and go — watch the toolbar popup — and now and then ring whoever is signed in.`
      : '3. No bots are running (--bots 0).',
    '',
    'Press Ctrl-C to stop.',
  ];
  if (options.shape) lines.splice(2, 0, `Host shape: ${options.shape}.`);
  if (options.port !== 8787) {
    lines.splice(
      2,
      0,
      `Note: port ${options.port} is not the demo default 8787; set the server and page URLs in Roster's options.`,
    );
  }
  return lines;
}
