import {
  checkText,
  MAX_PURPOSE_CHARS,
  MAX_QUESTION_CHARS,
  MAX_SITE_NAME_CHARS,
  MAX_TITLE_CHARS,
  normalizeText,
  siteNameKey,
  type CreateWorkshopBody,
  type TextProblem,
} from '@gommette/shared';

export interface DraftSite {
  /** Stable React key while sites are added and removed. */
  key: string;
  name: string;
}

export interface WorkshopDraftInput {
  title: string;
  question: string;
  purpose: string;
  sites: ReadonlyArray<DraftSite>;
}

export type FieldProblem = TextProblem | { kind: 'duplicate' };

export type DraftField = 'title' | 'question' | 'purpose';

export interface DraftProblems {
  fields: Partial<Record<DraftField, FieldProblem>>;
  /** By site key. */
  sites: Record<string, FieldProblem>;
}

export type DraftCheck = { ok: true; body: CreateWorkshopBody } | { ok: false; problems: DraftProblems };

/**
 * The rules of the server's `planWorkshop` (the same `checkText` and `siteNameKey`), checked before
 * sending, field by field.
 * Blank extra places are dropped from the body.
 */
export function validateDraft(draft: WorkshopDraftInput): DraftCheck {
  const problems: DraftProblems = { fields: {}, sites: {} };
  const title = checkText(draft.title, MAX_TITLE_CHARS, false);
  const question = checkText(draft.question, MAX_QUESTION_CHARS, true);
  const purpose = checkText(draft.purpose, MAX_PURPOSE_CHARS, true);
  if (typeof title !== 'string') problems.fields.title = title;
  if (typeof question !== 'string') problems.fields.question = question;
  if (typeof purpose !== 'string') problems.fields.purpose = purpose;

  const seen = new Set<string>();
  const sites: Array<{ name: string }> = [];
  // A place added but left blank is ignored, as long as one place at least has a name.
  const named = draft.sites.filter((site) => normalizeText(site.name).length > 0);
  const checked = named.length > 0 ? named : draft.sites.slice(0, 1);
  for (const site of checked) {
    const name = checkText(site.name, MAX_SITE_NAME_CHARS, false);
    if (typeof name !== 'string') {
      problems.sites[site.key] = name;
      continue;
    }
    const key = siteNameKey(name);
    if (seen.has(key)) problems.sites[site.key] = { kind: 'duplicate' };
    seen.add(key);
    sites.push({ name });
  }

  const valid = Object.keys(problems.fields).length === 0 && Object.keys(problems.sites).length === 0;
  if (!valid || typeof title !== 'string' || typeof question !== 'string' || typeof purpose !== 'string') {
    return { ok: false, problems };
  }
  return { ok: true, body: { title, question, purpose, sites } };
}
