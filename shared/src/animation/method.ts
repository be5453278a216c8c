import { ErrorCode } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import { countChars, normalizeText } from '../domain/text';

/**
 * What a phase lets a phone do. One activity per phase, so a resident's phone always shows one
 * main action: `welcome` (the météo), `watch` (listen, nothing to type), `ideas` (write ideas),
 * `journey` (fill the journey map), `matrix` (place ideas on the matrix), `vote` (stick gommettes),
 * `questionnaire` (the closing questions).
 */
export const ACTIVITIES = ['welcome', 'watch', 'ideas', 'journey', 'matrix', 'vote', 'questionnaire'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export interface PhaseSpec {
  /** Stable within a workshop (ideas remember the phase they were written in). */
  id: string;
  title: string;
  /** Shown to residents only once the phase starts. */
  instruction: string;
  activity: Activity;
  /** 0 means no countdown (the facilitator ends the phase). */
  durationSec: number;
  /** Ideas phases: the first seconds are a silent individual time; the projector waits for its end. */
  silentSec: number;
}

export interface MethodTemplate {
  id: string;
  name: string;
  description: string;
  phases: PhaseSpec[];
  /** Built into Gommette (cannot be overwritten); saved templates are the centre's own. */
  builtIn: boolean;
}

export const MAX_PHASES = 30;
export const MAX_PHASE_TITLE_CHARS = 60;
export const MAX_INSTRUCTION_CHARS = 400;
export const MAX_PHASE_SECONDS = 4 * 3600;
export const MAX_TEMPLATE_NAME_CHARS = 80;
export const MAX_TEMPLATE_DESCRIPTION_CHARS = 300;

const minutes = (n: number): number => n * 60;

function phase(id: string, title: string, activity: Activity, durationMin: number, instruction: string, silentMin = 0): PhaseSpec {
  return { id, title, activity, durationSec: minutes(durationMin), silentSec: minutes(silentMin), instruction };
}

/** The field method of PRODUCT.md, step by step, with the words residents will read. */
const CO_DESIGN: MethodTemplate = {
  id: 'co-design',
  name: 'Atelier co-design',
  description: 'La méthode complète : météo, parcours, idées, matrice, vote, modélisation, restitution et clôture.',
  builtIn: true,
  phases: [
    phase('accueil', 'Accueil et météo', 'welcome', 10, "Choisis la météo qui te ressemble aujourd'hui. Pas besoin de dire ton nom."),
    phase('contexte', 'Contexte', 'watch', 10, 'Écoute la question du jour et à quoi servira ta participation. Tu peux poser toutes tes questions.'),
    phase(
      'parcours',
      'Parcours',
      'journey',
      25,
      'Mets-toi à la place de la personne : à chaque moment de sa journée, que fait-elle, de quoi a-t-elle besoin, que ressent-elle ?',
    ),
    phase('ideation', 'Idées', 'ideas', 25, "Toutes les idées sont bonnes. D'abord seul·e et en silence, puis à ta table : écris une idée par message.", 5),
    phase('selection', 'Sélection', 'matrix', 20, 'Avec ta table, place vos idées : est-ce facile à faire ? Est-ce prioritaire ?'),
    phase('vote', 'Vote', 'vote', 10, 'Colle tes gommettes sur les idées que tu préfères. Tu peux en reprendre une tant que le vote est ouvert.'),
    phase('modelisation', 'Modélisation', 'watch', 30, 'Avec ta table, raconte la solution choisie : un dessin, un article de journal, une petite histoire.'),
    phase('restitution', 'Restitution', 'watch', 20, 'Chaque table présente son travail. On écoute et on applaudit !'),
    phase('cloture', 'Clôture', 'questionnaire', 10, "Dis-nous en quelques touches comment tu as vécu l'atelier. Merci pour ta participation !"),
  ],
};

const QUICK_VOTE: MethodTemplate = {
  id: 'vote-rapide',
  name: 'Vote rapide',
  description: 'Des idées puis un vote avec des gommettes, en une demi-heure.',
  builtIn: true,
  phases: [
    phase('accueil', 'Accueil', 'welcome', 5, 'Choisis ta météo du jour.'),
    phase('idees', 'Idées', 'ideas', 15, 'Écris tes idées, une par message. Toutes les idées sont bonnes.', 3),
    phase('vote', 'Vote', 'vote', 10, 'Colle tes gommettes sur les idées que tu préfères.'),
  ],
};

const CARDS_ON_TABLE: MethodTemplate = {
  id: 'cartes-sur-table',
  name: 'Cartes sur table',
  description: "Chaque carte pose une question ; les tables y répondent l'une après l'autre.",
  builtIn: true,
  phases: [
    phase('accueil', 'Accueil', 'welcome', 5, 'Choisis ta météo du jour et rejoins ta table.'),
    phase('carte-1', 'Carte 1', 'ideas', 10, "Qu'est-ce qui marche déjà bien ici ?"),
    phase('carte-2', 'Carte 2', 'ideas', 10, "Qu'est-ce qui te manque le plus ?"),
    phase('carte-3', 'Carte 3', 'ideas', 10, 'Si tu avais une baguette magique, que changerais-tu ?'),
    phase('restitution', 'Restitution', 'watch', 15, 'Chaque table lit ses réponses aux autres.'),
  ],
};

const REVIEW: MethodTemplate = {
  id: 'bilan',
  name: 'Bilan',
  description: "Une grille en trois colonnes : ce que j'ai fait, ce que j'ai appris, ce que j'ai fait de ce que j'ai appris.",
  builtIn: true,
  phases: [
    phase('accueil', 'Accueil', 'welcome', 5, 'Choisis ta météo du jour.'),
    phase('fait', "Ce que j'ai fait", 'ideas', 10, "Qu'as-tu fait pendant ce projet ? Une chose par message."),
    phase('appris', "Ce que j'ai appris", 'ideas', 10, "Qu'as-tu appris ? Une chose par message."),
    phase('utilise', "Ce que j'ai fait de ce que j'ai appris", 'ideas', 10, "Qu'as-tu fait, ou que vas-tu faire, de ce que tu as appris ?"),
    phase('cloture', 'Clôture', 'questionnaire', 5, "Quelques touches pour nous dire comment c'était. Merci !"),
  ],
};

export const BUILT_IN_TEMPLATES: ReadonlyArray<MethodTemplate> = [CO_DESIGN, QUICK_VOTE, CARDS_ON_TABLE, REVIEW];
export const DEFAULT_TEMPLATE_ID = CO_DESIGN.id;

const PHASE_ID = /^[a-z0-9-]{1,40}$/;

/**
 * Normalises and checks a list of phases typed or adjusted by a facilitator. An empty list is a
 * free idea wall (no phases: phones can always write).
 */
export function checkPhases(input: ReadonlyArray<PhaseSpec>): PhaseSpec[] | DomainError {
  if (input.length > MAX_PHASES) return domainError(ErrorCode.TooLarge, `at most ${MAX_PHASES} phases`);
  const seen = new Set<string>();
  const phases: PhaseSpec[] = [];
  for (const [index, raw] of input.entries()) {
    const title = normalizeText(raw.title);
    const instruction = normalizeText(raw.instruction, { multiline: true });
    if (!PHASE_ID.test(raw.id) || seen.has(raw.id)) return domainError(ErrorCode.BadRequest, `phase ${index + 1}: invalid or repeated id`);
    seen.add(raw.id);
    if (title.length === 0) return domainError(ErrorCode.BadRequest, `phase ${index + 1}: title is empty`);
    if (countChars(title) > MAX_PHASE_TITLE_CHARS) return domainError(ErrorCode.TooLarge, `phase ${index + 1}: title too long`);
    if (countChars(instruction) > MAX_INSTRUCTION_CHARS) return domainError(ErrorCode.TooLarge, `phase ${index + 1}: instruction too long`);
    const durationSec = Math.round(raw.durationSec);
    const silentSec = Math.round(raw.silentSec);
    if (!(durationSec >= 0 && durationSec <= MAX_PHASE_SECONDS)) return domainError(ErrorCode.BadRequest, `phase ${index + 1}: invalid duration`);
    if (!(silentSec >= 0 && (durationSec === 0 ? silentSec <= MAX_PHASE_SECONDS : silentSec < durationSec))) {
      return domainError(ErrorCode.BadRequest, `phase ${index + 1}: the silent time must be shorter than the phase`);
    }
    phases.push({ id: raw.id, title, instruction, activity: raw.activity, durationSec, silentSec: raw.activity === 'ideas' ? silentSec : 0 });
  }
  return phases;
}

/** A new phase id not used in `phases` (for a phase the facilitator adds). */
export function newPhaseId(phases: ReadonlyArray<Pick<PhaseSpec, 'id'>>): string {
  const used = new Set(phases.map((phase) => phase.id));
  let n = phases.length + 1;
  while (used.has(`phase-${n}`)) n += 1;
  return `phase-${n}`;
}

/** Moves the phase at `from` to `to` (reordering in the form). */
export function movePhase<T>(phases: ReadonlyArray<T>, from: number, to: number): T[] {
  const next = [...phases];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
