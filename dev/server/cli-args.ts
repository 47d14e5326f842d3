import { parseArgs } from 'node:util';
import type { OnlineListFormat } from '../../utils/protocol/encode';

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly usersPath?: string;
  readonly bots: number;
  readonly listFormat: OnlineListFormat;
  readonly allowedOrigins: string[];
  readonly heartbeatReply: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

export const CLI_USAGE = `Usage: npx tsx dev/server/cli.ts [options]
  --port <n>                 port for the page and the WebSocket (default 8787; 0 = any free port)
  --host <name>              address to bind (default 127.0.0.1)
  --users <path>             user table (default dev/users.json)
  --bots <n>                 simulated colleagues that come, go and call (default 0)
  --list-format ids|objects  online list entries: ids (legacy, default) or {userId,userName}
  --allow-origin <origin>    also accept sockets from this web origin (repeatable)
  --no-heartbeat-reply       do not answer "heart check"
  --verbose                  log ignored frames too (never their content)
  --help`;

/** Parses the CLI flags; throws with a one-line reason on bad input. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      users: { type: 'string' },
      bots: { type: 'string', default: '0' },
      'list-format': { type: 'string', default: 'ids' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'no-heartbeat-reply': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const listFormat = values['list-format'];
  if (listFormat !== 'ids' && listFormat !== 'objects') throw new Error(`--list-format must be ids or objects, not ${listFormat}`);
  return {
    port: integer('--port', values.port, 0, 65535),
    host: values.host,
    ...(values.users ? { usersPath: values.users } : {}),
    bots: integer('--bots', values.bots, 0, 1000),
    listFormat,
    allowedOrigins: values['allow-origin'],
    heartbeatReply: !values['no-heartbeat-reply'],
    verbose: values.verbose,
    help: values.help,
  };
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, not ${text}`);
  return value;
}
