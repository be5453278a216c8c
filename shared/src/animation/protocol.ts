import { z } from 'zod';
import { MAX_IDEA_CHARS, MAX_UNITS_PER_CHAR } from '../constants';
import { MOODS, type ParticipantKind } from '../domain/participant';
import {
  ACTIVITIES,
  MAX_INSTRUCTION_CHARS,
  MAX_PHASES,
  MAX_PHASE_SECONDS,
  MAX_PHASE_TITLE_CHARS,
  MAX_TEMPLATE_DESCRIPTION_CHARS,
  MAX_TEMPLATE_NAME_CHARS,
} from './method';
import { MAX_THEME_CHARS, MAX_THEMES } from './room';
import { MAX_EXTEND_MINUTES, RUN_ACTIONS } from './run';
import { MAX_TABLES } from './tables';
import { MAX_TRANSLATION_WIRE_UNITS } from './translationRules';
import { TRANSLATION_LANGUAGES } from './translations';
import { questionnaireSchema } from '../questionnaire/protocol';

/** Typed text may carry extra spaces; the domain normalises, the schema bounds the size. */
const bounded = (max: number) => z.string().max(max * 4);
/** An idea's wire bound: the same as `measureIdeaText`'s (`MAX_IDEA_CHARS × MAX_UNITS_PER_CHAR` units). */
const ideaText = z.string().max(MAX_IDEA_CHARS * MAX_UNITS_PER_CHAR);
const ideaId = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'invalid id');
const serverId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'invalid id');
const tableId = z.number().int().min(1).max(MAX_TABLES);

export const phaseSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: bounded(MAX_PHASE_TITLE_CHARS),
  instruction: bounded(MAX_INSTRUCTION_CHARS),
  activity: z.enum(ACTIVITIES),
  durationSec: z.number().int().min(0).max(MAX_PHASE_SECONDS),
  silentSec: z.number().int().min(0).max(MAX_PHASE_SECONDS),
});
export const phasesSchema = z.array(phaseSpecSchema).max(MAX_PHASES);

export const saveTemplateBody = z.object({
  name: bounded(MAX_TEMPLATE_NAME_CHARS),
  description: bounded(MAX_TEMPLATE_DESCRIPTION_CHARS).default(''),
  phases: phasesSchema.min(1),
});
export type SaveTemplateBody = z.infer<typeof saveTemplateBody>;

export const runControlPayload = z.object({
  action: z.enum(RUN_ACTIONS),
  /** The phase the console was showing: a control meant for another phase is refused (two consoles). */
  from: z.number().int().min(0).max(MAX_PHASES),
  minutes: z.number().min(0).max(MAX_EXTEND_MINUTES).optional(),
  phaseIndex: z.number().int().min(0).max(MAX_PHASES).optional(),
});
export const runHandPayload = z.object({ raised: z.boolean() });
export const roomUpdatePayload = z.object({
  phases: phasesSchema.optional(),
  tableCount: z.number().int().min(0).max(MAX_TABLES).optional(),
  safeMode: z.boolean().optional(),
  screenTable: tableId.nullable().optional(),
  themes: z.array(bounded(MAX_THEME_CHARS)).max(MAX_THEMES).optional(),
  questionnaire: questionnaireSchema.optional(),
});
/** The facilitator's English or Arabic version of one text they wrote (`text` empty: removed). */
export const roomTranslatePayload = z.object({
  source: z.string().min(1).max(MAX_TRANSLATION_WIRE_UNITS),
  lang: z.enum(TRANSLATION_LANGUAGES),
  text: z.string().max(MAX_TRANSLATION_WIRE_UNITS),
});
export const tablePickPayload = z.object({ tableId: tableId.nullable() });
export const tablesAssignPayload = z.object({
  seats: z
    .array(z.object({ seatId: serverId, tableId: tableId.nullable() }))
    .min(1)
    .max(500),
});
export const tablesMixPayload = z.object({});
export const ideaModeratePayload = z.object({
  ideaId,
  moderation: z.discriminatedUnion('type', [
    z.object({ type: z.literal('edit'), text: ideaText }),
    z.object({ type: z.literal('merge'), into: ideaId.nullable() }),
    z.object({ type: z.literal('theme'), theme: bounded(MAX_THEME_CHARS).nullable() }),
    z.object({ type: z.literal('park'), parked: z.boolean() }),
    z.object({ type: z.literal('approve') }),
  ]),
});
export const ideasApproveAllPayload = z.object({});
/** A table helper posts for a resident without a phone: `personId` is the helper's own handle for that person. */
export const ideaAssistPayload = z.object({
  id: ideaId,
  text: ideaText,
  personId: ideaId,
  siteId: serverId,
  tableId: tableId.nullable(),
  mood: z.enum(MOODS),
});
/** The facilitator types in a paper post-it. */
export const ideaPaperPayload = z.object({ id: ideaId, text: ideaText, siteId: serverId, tableId: tableId.nullable() });
export const participantsListPayload = z.object({});

export const animationCommandSchemas = {
  'run:control': runControlPayload,
  'run:hand': runHandPayload,
  'room:update': roomUpdatePayload,
  'room:translate': roomTranslatePayload,
  'tables:pick': tablePickPayload,
  'tables:assign': tablesAssignPayload,
  'tables:mix': tablesMixPayload,
  'idea:moderate': ideaModeratePayload,
  'ideas:approveAll': ideasApproveAllPayload,
  'idea:assist': ideaAssistPayload,
  'idea:paper': ideaPaperPayload,
  'participants:list': participantsListPayload,
} as const;

/**
 * A person as the facilitator's tables panel shows them: a number in order of arrival, never their
 * name, nickname, mood or what they wrote. `seatId` is opaque (not the participant's id), so
 * nothing staff receive can be joined with anything else.
 */
export interface PersonView {
  seatId: string;
  /** 1 for the first to join, 2 for the next… */
  number: number;
  siteId: string;
  tableId: number | null;
  kind: ParticipantKind;
  connected: boolean;
}
