/** Times `fn` `runs` times after `warmup` untimed runs; returns percentiles in milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 50, warmup = 5) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: samples.at(-1)! };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
