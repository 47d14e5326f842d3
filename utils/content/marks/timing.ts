/**
 * Development and demo builds leave User Timing entries (`performance.measure`) around the work
 * done per frame, which the benchmark reads from the page; production builds drop this.
 */
export function measured<A extends unknown[]>(name: string, work: (...args: A) => void): (...args: A) => void {
  if (import.meta.env.PROD && import.meta.env.MODE === 'production') return work;
  return (...args) => {
    const start = performance.now();
    try {
      work(...args);
    } finally {
      performance.measure(name, { start, end: performance.now() });
    }
  };
}
