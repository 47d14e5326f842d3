/** Median and spread of browser timings (ms): a popup opened 40 times is never the same twice. */
export interface Spread {
  readonly name: string;
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly p95: number;
  readonly max: number;
  readonly samples: number;
  /** Replaces the sample count when counting is the point. */
  readonly note?: string;
}

export function spread(name: string, values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
  return {
    name,
    median: at(0.5),
    p25: at(0.25),
    p75: at(0.75),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    samples: sorted.length,
  };
}

export function formatSpread(result: Spread): string {
  const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));
  return `| ${result.name} | ${ms(result.median)} | ${ms(result.p25)}–${ms(result.p75)} | ${ms(result.p95)} | ${ms(result.max)} | ${result.note ?? result.samples} |`;
}
