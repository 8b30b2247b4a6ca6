/** Summaries the benchmarks print: min / median / max of several runs, and percentiles of latencies. */
export interface Stats {
  min: number;
  median: number;
  max: number;
}

export const stats = (values: number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

/** The p-th percentile of an ascending list. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
