/** Timing helpers shared by the benches: every figure is min, median and max of a stated number of runs. */
export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

export async function time(runs: number, f: (i: number) => unknown, warmup = Math.min(20, runs)): Promise<Spread> {
  for (let i = 0; i < warmup; i++) await f(-1 - i); // warm up the JIT
  (globalThis as { gc?: () => void }).gc?.(); // start each series with a clean heap when run with --expose-gc
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await f(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return spread(times);
}

export function spread(times: readonly number[]): Spread {
  const s = [...times].sort((a, b) => a - b);
  return { min: s[0] ?? NaN, median: s[Math.floor(s.length / 2)] ?? NaN, max: s[s.length - 1] ?? NaN, runs: s.length };
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
export const fmt = (s: Spread) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}, ${s.runs} runs)`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
export const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
