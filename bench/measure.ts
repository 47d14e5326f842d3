/** Median and spread of many timed runs: machines here are noisy, so no single number is trusted. */
export interface Measurement {
  readonly name: string;
  readonly medianUs: number;
  readonly p25Us: number;
  readonly p75Us: number;
  readonly samples: number;
}

export function measure(
  name: string,
  run: () => unknown,
  options: { samples?: number; batch?: number } = {},
): Measurement {
  const samples = options.samples ?? 200;
  const batch = options.batch ?? 1;
  for (let warm = 0; warm < Math.min(50, samples); warm++) run();
  const times: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now();
    for (let index = 0; index < batch; index++) run();
    times.push(((performance.now() - start) * 1000) / batch);
  }
  times.sort((a, b) => a - b);
  const at = (quantile: number) => times[Math.min(times.length - 1, Math.floor(quantile * times.length))] ?? 0;
  return { name, medianUs: at(0.5), p25Us: at(0.25), p75Us: at(0.75), samples };
}

export function formatRow(measurement: Measurement): string {
  const us = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
  return `| ${measurement.name} | ${us(measurement.medianUs)} | ${us(measurement.p25Us)}–${us(measurement.p75Us)} | ${measurement.samples} |`;
}
