// The project's own accessibility audit, written by the e2e accessibility run
// (`npm run audit:a11y`, see docs/accessibility.md) and read here at build time.
import auditJson from '../../../docs/accessibility-audit.json?raw';

export interface AxePageResult {
  page: string;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
}

export interface HandCheckResult {
  screen: string;
  check: string;
  passed: boolean;
  measured: string;
}

interface Section<T> {
  date: string;
  browser: string;
  engine?: string;
  results: Record<string, T[]>;
}

export interface Audit {
  axe: Section<AxePageResult>;
  handChecks: Section<HandCheckResult>;
}

export const audit = JSON.parse(auditJson) as Audit;

/** The audit's languages, in the order they are listed (fr, ar). */
export const auditLanguages = (section: Section<unknown>): string[] => Object.keys(section.results);

/** The most recent of the sections' dates (YYYY-MM-DD). */
export const auditDate = [audit.axe.date, audit.handChecks.date].sort().at(-1) ?? audit.axe.date;
