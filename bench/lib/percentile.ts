/** Nearest-rank percentile of an ascending list (`fraction` 0.5 = p50, 0.99 = p99); NaN when empty. */
export const percentile = (sorted: readonly number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? NaN;
