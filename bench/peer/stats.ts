/** Order statistics of a few samples; `NaN` when there are none (printed as –). */
export interface Spread {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly p99: number;
  readonly samples: number;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: quantile(values, 0.5),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    p99: quantile(values, 0.99),
    samples: values.length,
  };
}
