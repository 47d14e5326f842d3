/** From raw samples to the few numbers the table prints and `bench/results.json` keeps. */
import type { ChangeSample } from './changes';
import type { Cell, SkippedCell } from './matrix';
import type { RestartSample } from './restart';
import type { SideResult } from './side';
import { quantile, spread } from './stats';
import type { KindTimes, TimeKind } from './trace';

const KINDS: readonly TimeKind[] = ['script', 'style', 'paint', 'hitTest', 'other'];

export interface TimeSummary {
  /** Median of the per-change totals, and their p25–p75. */
  readonly total: number;
  readonly p25: number;
  readonly p75: number;
  /** Median per kind (they need not add up to the median total). */
  readonly script: number;
  readonly style: number;
  readonly paint: number;
  readonly hitTest: number;
  readonly other: number;
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

export interface SideSummary {
  readonly connections: number;
  readonly changes: number;
  readonly bytesPerChange: number;
  /** All tabs' main threads, summed per change. */
  readonly mainThreadMs: TimeSummary;
  readonly visibleTabMainThreadMs: number;
  readonly latencyVisibleMs: Percentiles;
  readonly latencyAllTabsMs: Percentiles;
}

export interface CellSummary extends Cell {
  readonly recipe: SideSummary;
  readonly roster: SideSummary;
}

export interface FloorSummary {
  readonly rows: number;
  readonly flips: number;
  readonly mainThreadMs: TimeSummary;
}

export interface RestartSummary {
  readonly restarts: number;
  /** New server listening → presence right in every tab. */
  readonly fromUpMs: { readonly median: number; readonly p25: number; readonly p75: number; readonly max: number };
  readonly fromStopMedianMs: number;
}

export interface PeerResults {
  readonly cells: readonly CellSummary[];
  /** Whether every host tab reported `document.visibilityState === 'visible'` (headless: all do). */
  readonly allTabsVisible: boolean;
  readonly skipped: readonly SkippedCell[];
  readonly floors: readonly FloorSummary[];
  readonly restart: { readonly recipe: RestartSummary; readonly roster: RestartSummary };
}

const total = (times: KindTimes) => KINDS.reduce((sum, kind) => sum + times[kind], 0);

export function summariseTimes(samples: readonly KindTimes[]): TimeSummary {
  const totals = spread(samples.map(total));
  const median = (kind: TimeKind) =>
    quantile(
      samples.map((times) => times[kind]),
      0.5,
    );
  return {
    total: totals.median,
    p25: totals.p25,
    p75: totals.p75,
    script: median('script'),
    style: median('style'),
    paint: median('paint'),
    hitTest: median('hitTest'),
    other: median('other'),
  };
}

const percentiles = (values: readonly number[]): Percentiles => ({
  p50: quantile(values, 0.5),
  p99: quantile(values, 0.99),
});

export function summariseSide(result: SideResult): SideSummary {
  const changes: readonly ChangeSample[] = result.changes;
  return {
    connections: result.connections,
    changes: changes.length,
    bytesPerChange: quantile(
      changes.map((change) => change.bytes),
      0.5,
    ),
    mainThreadMs: summariseTimes(changes.map((change) => change.allTabs)),
    visibleTabMainThreadMs: quantile(
      changes.map((change) => total(change.visible)),
      0.5,
    ),
    latencyVisibleMs: percentiles(changes.map((change) => change.visibleMs)),
    // Every tab's latency counts: p99 over all (tab, change) pairs.
    latencyAllTabsMs: percentiles(changes.flatMap((change) => change.latenciesMs)),
  };
}

export function summariseRestarts(samples: readonly RestartSample[]): RestartSummary {
  const fromUp = spread(samples.map((sample) => sample.fromUpMs));
  return {
    restarts: samples.length,
    fromUpMs: {
      median: fromUp.median,
      p25: fromUp.p25,
      p75: fromUp.p75,
      max: quantile(
        samples.map((sample) => sample.fromUpMs),
        1,
      ),
    },
    fromStopMedianMs: quantile(
      samples.map((sample) => sample.fromStopMs),
      0.5,
    ),
  };
}
