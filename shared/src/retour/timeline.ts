import type { Brief } from './brief';

/** The timeline as residents read it: every step of the path, reached (with its date) or not yet. */
export function timelineSteps(
  brief: Pick<Brief, 'status' | 'timeline'>,
): Array<{ status: Brief['status']; at: number | null; reason: string | null; current: boolean }> {
  const lastAt = new Map<string, { at: number; reason: string | null }>();
  for (const entry of brief.timeline) lastAt.set(entry.status, { at: entry.at, reason: entry.reason });
  const path = ['idea', 'chosen', 'building', 'tested', 'in_service'] as const;
  const steps = path.map((status) => ({ status, at: lastAt.get(status)?.at ?? null, reason: null as string | null, current: brief.status === status }));
  if (brief.status === 'abandoned') {
    const entry = lastAt.get('abandoned');
    // Steps after the abandonment were never reached.
    return [
      ...steps.filter((step) => step.at !== null && (entry === undefined || step.at <= entry.at)),
      { status: 'abandoned', at: entry?.at ?? null, reason: entry?.reason ?? null, current: true },
    ];
  }
  return steps;
}

/** Ideas of the briefs that belong to this resident (the server reads theirs; the page highlights). */
