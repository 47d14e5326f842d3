/**
 * `bench/results.json`: the peer benchmark's numbers and the machine they came from. Summaries
 * only, rounded, keys always present: a diff between two runs shows what changed, not noise.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { PeerResults } from './summary';

export const RESULTS_PATH = new URL('../results.json', import.meta.url);

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly chromium: string;
  readonly node: string;
  readonly date: string;
}

export function machine(chromium: string): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

/** Two decimals; `NaN` (no samples) becomes `null`, which JSON can hold. */
function rounded(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

export function writeResults(results: PeerResults, about: Machine, runSeconds: number): void {
  const file = { benchmark: 'peer (bench/peer)', machine: about, runSeconds, ...results };
  writeFileSync(RESULTS_PATH, `${JSON.stringify(file, rounded, 2)}\n`);
}
