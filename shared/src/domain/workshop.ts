import { ErrorCode, MAX_PURPOSE_CHARS, MAX_QUESTION_CHARS, MAX_SITE_NAME_CHARS, MAX_TITLE_CHARS } from '../constants';
import { domainError, type DomainError } from './errors';
import { countChars, normalizeText } from './text';

export interface Site {
  id: string;
  workshopId: string;
  name: string;
  joinCode: string;
  position: number;
}

export interface Workshop {
  id: string;
  title: string;
  question: string;
  /** "Votre participation servira à…": required, shown before anyone contributes. */
  purpose: string;
  createdAt: number;
}

export interface WorkshopDraft {
  title: string;
  question: string;
  purpose: string;
  sites: ReadonlyArray<{ name: string }>;
}

export interface PlannedWorkshop {
  workshop: Workshop;
  sites: Site[];
}

/** Ids are made by the caller (the server has the randomness); this only decides. */
export interface WorkshopIds {
  workshopId: string;
  siteIds: ReadonlyArray<string>;
  joinCodes: ReadonlyArray<string>;
}

export type TextProblem = { kind: 'required' } | { kind: 'tooLong'; max: number };

/** One rule for every typed field of a workshop: the normalised text, or what is wrong with it. */
export function checkText(raw: string, max: number, multiline: boolean): string | TextProblem {
  const text = normalizeText(raw, { multiline });
  if (text.length === 0) return { kind: 'required' };
  if (countChars(text) > max) return { kind: 'tooLong', max };
  return text;
}

/** Two sites whose names differ only by case or spacing are the same site. */
export function siteNameKey(normalizedName: string): string {
  return normalizedName.toLocaleLowerCase('fr');
}

function field(raw: string, max: number, name: string, multiline: boolean): string | DomainError {
  const checked = checkText(raw, max, multiline);
  if (typeof checked === 'string') return checked;
  return checked.kind === 'required'
    ? domainError(ErrorCode.BadRequest, `${name} is required`)
    : domainError(ErrorCode.TooLarge, `${name} is longer than ${max} characters`);
}

/** Checks a facilitator's draft and lays out the workshop with its sites. */
export function planWorkshop(draft: WorkshopDraft, ids: WorkshopIds, now: number): PlannedWorkshop | DomainError {
  const title = field(draft.title, MAX_TITLE_CHARS, 'title', false);
  if (typeof title !== 'string') return title;
  const question = field(draft.question, MAX_QUESTION_CHARS, 'question', true);
  if (typeof question !== 'string') return question;
  const purpose = field(draft.purpose, MAX_PURPOSE_CHARS, 'purpose', true);
  if (typeof purpose !== 'string') return purpose;
  if (draft.sites.length === 0) return domainError(ErrorCode.BadRequest, 'at least one site is required');
  if (ids.siteIds.length < draft.sites.length || ids.joinCodes.length < draft.sites.length) {
    throw new Error('planWorkshop: not enough ids for the sites');
  }

  const sites: Site[] = [];
  const seen = new Set<string>();
  for (const [position, site] of draft.sites.entries()) {
    const name = field(site.name, MAX_SITE_NAME_CHARS, 'site name', false);
    if (typeof name !== 'string') return name;
    const key = siteNameKey(name);
    if (seen.has(key)) return domainError(ErrorCode.BadRequest, `two sites are named "${name}"`);
    seen.add(key);
    sites.push({ id: ids.siteIds[position]!, workshopId: ids.workshopId, name, joinCode: ids.joinCodes[position]!, position });
  }
  return { workshop: { id: ids.workshopId, title, question, purpose, createdAt: now }, sites };
}
