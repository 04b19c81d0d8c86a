/** Small timing helpers for `npm run bench`: every figure is printed beside a baseline from the same run. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index];
}

/**
 * Runs `operation` from `concurrency` loops until `count` calls are done, recording each call's
 * latency; returns percentiles and overall throughput.
 */
export async function measure(count: number, concurrency: number, operation: (i: number) => Promise<unknown> | unknown): Promise<LatencySummary> {
  const latencies: number[] = new Array(count);
  let next = 0;
  const started = process.hrtime.bigint();
  const loop = async () => {
    while (next < count) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      await operation(i);
      latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  latencies.sort((a, b) => a - b);
  return { count, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), perSecond: (count / elapsedMs) * 1000 };
}

/**
 * Drives `conversations` loops, each owning one conversation and taking `turnsEach` turns in order
 * (a person never sends two messages at once); returns latency percentiles and throughput.
 */
export async function measurePerConversation(conversations: number, turnsEach: number, turn: (conversation: number) => Promise<unknown>): Promise<LatencySummary> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      for (let i = 0; i < turnsEach; i++) {
        const t0 = process.hrtime.bigint();
        await turn(c);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), perSecond: (latencies.length / elapsedMs) * 1000 };
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits }) : 'n/a');

export function printHeader(title: string): void {
  console.log(`\n## ${title}`);
}

export function printThroughput(name: string, subject: LatencySummary, baseline: LatencySummary, baselineName: string): void {
  console.log(
    `${name}: ${fmt(subject.perSecond, 0)} ops/s (p50 ${fmt(subject.p50, 3)} ms, p99 ${fmt(subject.p99, 3)} ms) | ` +
      `${baselineName}: ${fmt(baseline.perSecond, 0)} ops/s | ratio ${fmt(subject.perSecond / baseline.perSecond, 4)}`,
  );
}

export function printLatency(name: string, subject: LatencySummary, baseline: LatencySummary, baselineName: string): void {
  console.log(
    `${name}: p50 ${fmt(subject.p50, 3)} ms, p99 ${fmt(subject.p99, 3)} ms | ${baselineName}: p50 ${fmt(baseline.p50, 4)} ms, p99 ${fmt(baseline.p99, 4)} ms | ` +
      `p50 ratio ${fmt(subject.p50 / baseline.p50, 1)}x`,
  );
}

/** A target from an issue: printed as PASS/MISS so a reader sees at once where we stand. */
export function printTarget(description: string, met: boolean): boolean {
  console.log(`  target ${met ? 'PASS' : 'MISS'}: ${description}`);
  return met;
}
