import fs from 'node:fs';
import path from 'node:path';

/** The accessibility audit the statement page (/accessibilite) is built from (see docs/accessibility.md). */
export const AUDIT_FILE = path.resolve(import.meta.dirname, '../../docs/accessibility-audit.json');

/** What a section says about how it was measured. */
export interface AuditTools {
  /** e.g. "Chromium 131.0.6778.85" */
  browser: string;
  /** e.g. "axe-core 4.10.2" (the axe section). */
  engine?: string;
}

/**
 * Writes one section of the audit (axe's results, the hand checks) with today's date, when the
 * run is asked to (`npm run audit:a11y` sets GOMMETTE_WRITE_AUDIT=1); a plain test run leaves the
 * committed audit alone.
 */
export function writeAuditSection(section: 'axe' | 'handChecks', tools: AuditTools, results: unknown): void {
  if (process.env.GOMMETTE_WRITE_AUDIT !== '1') return;
  const audit = fs.existsSync(AUDIT_FILE) ? (JSON.parse(fs.readFileSync(AUDIT_FILE, 'utf8')) as Record<string, unknown>) : {};
  audit[section] = { date: new Date().toISOString().slice(0, 10), ...tools, results };
  fs.writeFileSync(AUDIT_FILE, `${JSON.stringify(audit, null, 2)}\n`);
}
