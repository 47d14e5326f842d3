/**
 * How bunched a set of moments is: the most that fall in any window of `windowMs`, wherever it
 * starts (a sliding window, not aligned buckets, so a burst split by a bucket edge still counts).
 */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** One line per `bucketMs` from the earliest moment: `  +0.3 s  ######## 8`, for the test log. */
export function histogram(times: readonly number[], from: number, bucketMs: number): string {
  const counts: number[] = [];
  for (const time of times) {
    const bucket = Math.floor((time - from) / bucketMs);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  // `counts` has holes for empty buckets: they read as undefined, shown as 0.
  return Array.from(counts, (count: number | undefined, bucket) => {
    const n = count ?? 0;
    return `  +${((bucket * bucketMs) / 1000).toFixed(1)} s  ${'#'.repeat(n)} ${n}`;
  }).join('\n');
}
