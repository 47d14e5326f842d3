/** The printed markdown: recipe / Roster side by side, ratios first, then the main-thread split. */
import { cellLabel } from './matrix';
import type { PeerResults, RestartSummary, SideSummary, TimeSummary } from './summary';

const thousands = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

/** Milliseconds with as many digits as they deserve. */
const ms = (value: number) => `${thousands(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)} ms`;

function bytes(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 1024 ? `${thousands(value / 1024, 1)} KiB` : `${thousands(value)} B`;
}

function ratio(recipe: number, roster: number): string {
  if (!Number.isFinite(recipe) || !Number.isFinite(roster) || roster <= 0) return '–';
  const value = recipe / roster;
  return `**${thousands(value, value >= 10 ? 0 : 1)}×**`;
}

const pair = (p50: number, p99: number) => `${ms(p50)} / ${ms(p99)}`;

function cellRows(label: string, recipe: SideSummary, roster: SideSummary): string[] {
  const row = (measure: string, a: string, b: string, r: string) => `| ${label} | ${measure} | ${a} | ${b} | ${r} |`;
  return [
    row(
      'server connections (signed-in user)',
      String(recipe.connections),
      String(roster.connections),
      ratio(recipe.connections, roster.connections),
    ),
    row(
      'bytes received per change (all tabs)',
      bytes(recipe.bytesPerChange),
      bytes(roster.bytesPerChange),
      ratio(recipe.bytesPerChange, roster.bytesPerChange),
    ),
    row(
      'host main thread per change (all tabs)',
      ms(recipe.mainThreadMs.total),
      ms(roster.mainThreadMs.total),
      ratio(recipe.mainThreadMs.total, roster.mainThreadMs.total),
    ),
    row(
      '… of which script',
      ms(recipe.mainThreadMs.script),
      ms(roster.mainThreadMs.script),
      ratio(recipe.mainThreadMs.script, roster.mainThreadMs.script),
    ),
    row(
      'change → DOM, visible tab, p50 / p99',
      pair(recipe.latencyVisibleMs.p50, recipe.latencyVisibleMs.p99),
      pair(roster.latencyVisibleMs.p50, roster.latencyVisibleMs.p99),
      ratio(recipe.latencyVisibleMs.p50, roster.latencyVisibleMs.p50),
    ),
    row(
      'change → DOM, every tab, p50 / p99',
      pair(recipe.latencyAllTabsMs.p50, recipe.latencyAllTabsMs.p99),
      pair(roster.latencyAllTabsMs.p50, roster.latencyAllTabsMs.p99),
      ratio(recipe.latencyAllTabsMs.p50, roster.latencyAllTabsMs.p50),
    ),
    row('changes measured', String(recipe.changes), String(roster.changes), ''),
  ];
}

function restartText(summary: RestartSummary): string {
  const { median, p25, p75 } = summary.fromUpMs;
  return `${ms(median)} (${thousands(p25)}–${thousands(p75)}; n=${summary.restarts})`;
}

function splitRow(label: string, side: string, times: TimeSummary, samples: number): string {
  return `| ${label} | ${side} | ${ms(times.total)} | ${ms(times.script)} | ${ms(times.style)} | ${ms(times.paint)} | ${ms(times.hitTest)} | ${ms(times.other)} | ${thousands(times.p25, 1)}–${thousands(times.p75, 1)} | ${samples} |`;
}

export function formatTables(results: PeerResults): string {
  const lines: string[] = [
    '| cell | measure | recipe | Roster | recipe / Roster |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const cell of results.cells) lines.push(...cellRows(cellLabel(cell), cell.recipe, cell.roster));
  const { recipe, roster } = results.restart;
  lines.push(
    `| ${cellLabel({ rows: 1_000, online: 100, tabs: 1 })} | server restart → presence right, median (p25–p75) | ${restartText(recipe)} | ${restartText(roster)} | ${ratio(recipe.fromUpMs.median, roster.fromUpMs.median)} |`,
  );
  lines.push(
    '',
    '| cell | side | main thread, all tabs (median) | script | style + layout | paint | hit testing | other | total p25–p75 ms | changes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const cell of results.cells) {
    const label = cellLabel(cell);
    lines.push(splitRow(label, 'recipe', cell.recipe.mainThreadMs, cell.recipe.changes));
    lines.push(splitRow(label, 'Roster', cell.roster.mainThreadMs, cell.roster.changes));
  }
  for (const floor of results.floors)
    lines.push(
      splitRow(
        `${floor.rows.toLocaleString('en')} rows`,
        'floor: one class written by hand',
        floor.mainThreadMs,
        floor.flips,
      ),
    );
  return lines.join('\n');
}

export function formatSkipped(results: PeerResults): string[] {
  return results.skipped.map((cell) => `- skipped ${cellLabel(cell)}: ${cell.reason}`);
}

/** How the numbers were taken, under the tables. */
export function formatNotes(results: PeerResults): string[] {
  const recipeChanges = results.cells.map((cell) => `${cell.recipe.changes} at ${cellLabel(cell)}`).join('; ');
  return [
    '- Changes: one colleague in the table comes online or goes offline (and back in the next change). The reference server runs frozen and the benchmark writes, per change, the frame the legacy server would send (the full list) to every socket of the signed-in user: 5,000 real sockets would each get 36 KB per change, in the process that is measuring.',
    "- Bytes: the recipe's, as the pages received them (CDP `Network.webSocketFrameReceived`, payloads, all tabs); Roster's, the payload sent to its one socket (in the service worker, out of the pages' CDP sight).",
    "- Main thread: thread time on every host tab's renderer main thread (CDP tracing, DevTools timeline categories), from the change to 300 ms after the last tab showed it; each event's own time to its innermost kind (forced layout counts as style + layout). Hit testing: Chromium runs a hit test at the viewport centre (not at the pointer: moving it elsewhere changed nothing) inside some compositor commits; over this el-table one costs 25–390 ms and follows some changes and not others, on both sides and in the floor alike, so the script row is what each side itself runs. Roster's service worker (parse + diff of the list, bench/core.ts) is not in it; nor is the recipe's socket plumbing outside the pages.",
    `- Change → DOM: from the server sending the frame to a MutationObserver in the page seeing the row's icon class (recipe) or mark state (Roster) change; epoch clocks of Node and page. Headless Chromium: ${results.allTabsVisible ? 'every tab reported `visibilityState` visible, so "every tab" is when each tab\'s DOM was right, none throttled as a hidden tab would be' : 'some tabs were hidden'}. p99 of fewer than 100 samples is their maximum.`,
    `- Recipe changes measured (each re-renders every row of every tab): ${recipeChanges}.`,
    `- Server restart: the server stops, is down 1 s, a new one listens on the same port; timed from then until the tab shows one colleague gone and one come while it was down. The recipe retries on its fixed 4 s timer; Roster's restarts come ≥ 10.5 s after its last connect (it forgets its backoff after 10 s of uptime, as after a long-lived connection).`,
  ];
}
