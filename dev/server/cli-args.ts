import { parseArgs } from 'node:util';
import type { OnlineListFormat } from '../../utils/core/protocol/encode';
import type { TokenMode, WireIdType } from './types';

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly usersPath?: string;
  readonly bots: number;
  readonly listFormat: OnlineListFormat;
  readonly tokens: TokenMode;
  readonly idType: WireIdType;
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
  --tokens jwt|opaque        USERTOKEN: each user's fixed JWT from the user table (default), or a
                             random session minted by /login and ended by /logout
  --ids string|number        ids on the wire and in the APIs: "7" (default) or 7; number mode
                             drops calls whose Sender/Receiver are strings, like a .NET int
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
      tokens: { type: 'string', default: 'jwt' },
      ids: { type: 'string', default: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'no-heartbeat-reply': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const listFormat = values['list-format'];
  if (listFormat !== 'ids' && listFormat !== 'objects')
    throw new Error(`--list-format must be ids or objects, not ${listFormat}`);
  return {
    port: integer('--port', values.port, 0, 65535),
    host: values.host,
    ...(values.users ? { usersPath: values.users } : {}),
    bots: integer('--bots', values.bots, 0, 1000),
    listFormat,
    tokens: parseTokenMode(values.tokens),
    idType: parseIdType(values.ids),
    allowedOrigins: values['allow-origin'],
    heartbeatReply: !values['no-heartbeat-reply'],
    verbose: values.verbose,
    help: values.help,
  };
}

/** `--tokens`; shared with `npm run demo`. */
export function parseTokenMode(text: string): TokenMode {
  if (text !== 'jwt' && text !== 'opaque') throw new Error(`--tokens must be jwt or opaque, not ${text}`);
  return text;
}

/** `--ids`; shared with `npm run demo`. */
export function parseIdType(text: string): WireIdType {
  if (text !== 'string' && text !== 'number') throw new Error(`--ids must be string or number, not ${text}`);
  return text;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, not ${text}`);
  return value;
}
