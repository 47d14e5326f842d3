import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { botUsers, startBots } from './bots/index';
import { buildDemoExtension } from './demo/build-extension';
import { demoInstructions } from './demo/instructions';
import { launchChromium, type LaunchedBrowser } from './demo/launch-chromium';
import { chromeDemoDir, findChromium } from './demo/paths';
import { describeShape, pageUrl } from './server/banner';
import { parseIdType, parseTokenMode } from './server/cli-args';
import { onShutdown } from './on-shutdown';
import { startServer, type TokenMode, type WireIdType } from './server/index';

const USAGE = `Usage: npm run demo -- [--port 8787] [--bots 6] [--tokens jwt|opaque] [--ids string|number] [--skip-build] [--no-browser]
  --tokens and --ids pick the host's shape, as for \`npm run server\` (default: jwt, string).`;

/**
 * `npm run demo`: builds the demo flavour of the extension, starts the reference server with
 * bots on localhost:8787 (where the demo build looks), says how to load the extension, and opens
 * Chromium with it when there is a display. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string', default: '8787' },
      bots: { type: 'string', default: '6' },
      tokens: { type: 'string', default: 'jwt' },
      ids: { type: 'string', default: 'string' },
      'skip-build': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const botCount = Number(values.bots);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(botCount) || botCount < 0) {
    fail(`bad --port or --bots\n${USAGE}`);
  }
  let hostShape: { tokens: TokenMode; idType: WireIdType };
  try {
    hostShape = { tokens: parseTokenMode(values.tokens), idType: parseIdType(values.ids) };
  } catch (error) {
    fail(`${message(error)}\n${USAGE}`);
  }

  let extensionDir = chromeDemoDir;
  if (values['skip-build']) {
    if (!existsSync(join(extensionDir, 'manifest.json')))
      fail(`${extensionDir} has no build: run without --skip-build`);
  } else {
    console.log('Building the demo extension for Chrome and Firefox (wxt build --mode demo)');
    extensionDir = await buildDemoExtension().catch((error: unknown) =>
      fail(`Extension build failed: ${message(error)}`),
    );
  }

  // Loopback only: the demo hands out tokens to anyone who asks.
  const server = await startServer({ port, host: '127.0.0.1', ...hostShape, log: (line) => console.log(line) }).catch(
    (error: unknown) =>
      fail(
        isAddressInUse(error)
          ? `Port ${port} is busy: is another demo or server running? Stop it, or pass --port (the demo build expects 8787).`
          : `Server failed to start: ${message(error)}`,
      ),
  );
  const controller = new AbortController();
  const fleet = startBots({
    server,
    users: botUsers(server.users),
    count: botCount,
    signal: controller.signal,
    log: (line) => console.log(line),
  });
  const url = pageUrl(server);
  const shape = describeShape(server);
  console.log(
    demoInstructions({
      extensionDir,
      pageUrl: url,
      users: server.users,
      bots: botCount,
      port: server.port,
      shape,
    }).join('\n'),
  );

  const browser = openBrowser(!values['no-browser'], extensionDir, `${url}/`);
  onShutdown(async () => {
    await browser?.stop();
    controller.abort();
    await fleet.done;
    await server.close();
    console.log('Demo stopped.');
  });
}

function openBrowser(wanted: boolean, extensionDir: string, url: string): LaunchedBrowser | undefined {
  if (!wanted) return undefined;
  const chromium = findChromium();
  if (!process.env['DISPLAY'] || !chromium) {
    console.log(
      `(Not opening a browser: ${process.env['DISPLAY'] ? 'no Chromium found; set CHROME_PATH' : 'no DISPLAY'}.)`,
    );
    return undefined;
  }
  console.log(`Opening ${url} in ${chromium} with a fresh profile and the extension loaded.`);
  console.log('(Google Chrome 137+ ignores --load-extension: if no Roster icon appears, load it by hand as above.)');
  return launchChromium(chromium, extensionDir, url, (line) => console.log(line));
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(text: string): never {
  console.error(text);
  process.exit(1);
}

main().catch((error: unknown) => fail(message(error)));
