import { botUsers, startBots } from '../bots/index';
import { describeServer } from './banner';
import { CLI_USAGE, parseCliArgs, type CliOptions } from './cli-args';
import { startServer } from './index';
import { onShutdown } from '../on-shutdown';

/** `npx tsx dev/server/cli.ts`: the reference server (and optional bots) until Ctrl-C. */
async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${CLI_USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(CLI_USAGE);
    return;
  }
  const server = await startServer({
    port: options.port,
    host: options.host,
    ...(options.usersPath ? { usersPath: options.usersPath } : {}),
    listFormat: options.listFormat,
    tokens: options.tokens,
    idType: options.idType,
    heartbeatReply: options.heartbeatReply,
    allowedOrigins: options.allowedOrigins,
    log: (line) => console.log(line),
    logLevel: options.verbose ? 'debug' : 'info',
  });
  const controller = new AbortController();
  const fleet = startBots({
    server,
    users: botUsers(server.users),
    count: options.bots,
    signal: controller.signal,
    log: (line) => console.log(line),
  });
  console.log(
    ['', 'Roster reference server', ...describeServer(server, options.bots), 'Press Ctrl-C to stop.', ''].join('\n'),
  );

  onShutdown(async () => {
    controller.abort();
    await fleet.done;
    await server.close();
    console.log('stopped');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
