/** The printed result: one column per participant count, then the comparison with the target. */
import type { RunResult } from './run';

export const TARGET = { participants: 500, ideasPerS: 500, p95Ms: 100 } as const;

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const counts = (record: Record<string, number>): string => {
  const entries = Object.entries(record);
  return entries.length === 0 ? '0' : entries.map(([code, count]) => `${count} ${code}`).join(', ');
};
const check = (ok: boolean, detail: string): string => `${ok ? 'yes' : 'NO'} (${detail})`;

/** Why a run cannot be trusted (lost or duplicated ideas, clients that failed): empty when sound. */
export function breakages(result: RunResult): string[] {
  const problems: string[] = [];
  if (result.connected !== result.participants)
    problems.push(`${result.participants - result.connected} clients could not connect (${counts(result.connectFailures)})`);
  if (result.disconnects > 0) problems.push(`${result.disconnects} clients were disconnected during the run`);
  if (result.lost > 0) problems.push(`${result.lost} acked ideas are missing from the store`);
  if (result.strangers > 0) problems.push(`${result.strangers} stored ideas were never sent`);
  if (result.unseen > 0) problems.push(`${result.unseen} acked ideas never reached the screen`);
  if (result.duplicates > 0) problems.push(`${result.duplicates} ideas reached the screen more than once`);
  if (result.acked === 0) problems.push('no idea was acked');
  return problems;
}

export function formatTable(results: ReadonlyArray<RunResult>): string {
  const rows: Array<[string, (r: RunResult) => string]> = [
    ['load', (r) => r.load],
    ['participants connected', (r) => `${r.connected}/${r.participants}`],
    ['load-generator processes', (r) => String(r.workers)],
    ['ideas acked / sent', (r) => `${r.acked}/${r.sent}`],
    ['errors', (r) => counts(r.errors)],
    ['duration s (go → last ack)', (r) => fixed(r.durationS, 2)],
    ['ideas/s ingested', (r) => fixed(r.ideasPerS, 0)],
    ['post→screen p50 ms', (r) => fixed(r.postToScreen.p50, 1)],
    ['post→screen p95 ms', (r) => fixed(r.postToScreen.p95, 1)],
    ['post→screen p99 ms', (r) => fixed(r.postToScreen.p99, 1)],
    ['post→screen max ms', (r) => fixed(r.postToScreen.max, 1)],
    ['broadcast messages to the screen', (r) => `${r.screenMessages} (${fixed(r.durationS > 0 ? r.screenMessages / r.durationS : 0, 0)}/s)`],
    ['post→ack p50 / p95 ms', (r) => `${fixed(r.postToAck.p50, 1)} / ${fixed(r.postToAck.p95, 1)}`],
    ['server peak RSS MB', (r) => fixed(r.serverPeakRssMb, 1)],
    ['  kernel high-water mark MB', (r) => (r.serverKernelPeakRssMb === null ? 'n/a' : fixed(r.serverKernelPeakRssMb, 1))],
    ['  RSS, all connected, idle MB', (r) => fixed(r.serverIdleRssMb, 1)],
    ['server CPU % of a core', (r) => fixed(r.serverCpuPct, 0)],
    ['server CPU ms per idea', (r) => fixed(r.serverCpuMsPerIdea, 2)],
    ['messages per phone per s (mean / busiest)', (r) => `${fixed(r.phoneMessagesPerS, 1)} / ${fixed(r.phoneMessagesPerSMax, 1)}`],
    ['load workers CPU % of a core', (r) => fixed(r.workersCpuPct, 0)],
    ['bench parent + screen CPU %', (r) => fixed(r.parentCpuPct, 0)],
    ['stored rows = acked', (r) => check(r.stored === r.acked && r.lost === 0, `${r.stored} rows, ${r.lost} lost`)],
    ['screen got each idea once', (r) => check(r.unseen === 0 && r.duplicates === 0, `${r.unseen} missing, ${r.duplicates} duplicated`)],
    ['participant seeding s', (r) => fixed(r.seedS, 2)],
  ];
  const header = ['', ...results.map((r) => `N = ${r.participants}`)];
  const body = rows.map(([label, cell]) => [label, ...results.map(cell)]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

export function formatTarget(results: ReadonlyArray<RunResult>): string {
  const atTarget = results.find((r) => r.participants === TARGET.participants);
  const goal = `target at N = ${TARGET.participants}: ≥ ${TARGET.ideasPerS} ideas/s and post→screen p95 ≤ ${TARGET.p95Ms} ms`;
  if (!atTarget) return `${goal}: not measured (run with --participants ${TARGET.participants})`;
  const latency = `p95 ${fixed(atTarget.postToScreen.p95, 1)} ms → ${atTarget.postToScreen.p95 <= TARGET.p95Ms ? 'met' : 'NOT met'}`;
  // An open loop at or below the target rate cannot show the throughput: it ingests what it
  // offers (500 offered come in as 499.9 a second, which is not a miss).
  const throughput =
    atTarget.rate !== null && atTarget.rate <= TARGET.ideasPerS
      ? `throughput not tested (${atTarget.rate} ideas/s offered; the default closed loop measures it)`
      : `throughput ${fixed(atTarget.ideasPerS, 0)} ideas/s → ${atTarget.ideasPerS >= TARGET.ideasPerS ? 'met' : 'NOT met'}`;
  const load = atTarget.rate === null ? 'closed loop' : `${atTarget.rate} ideas/s offered`;
  const note =
    atTarget.rate === null
      ? `\n  (closed loop: every participant always has one idea in flight, so latency ≈ N ÷ ideas/s; --rate R measures latency at R ideas/s)`
      : '';
  return `${goal}\n  ${load}: ${throughput}; ${latency}${note}`;
}
