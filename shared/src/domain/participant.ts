import { ErrorCode, MAX_NICKNAME_CHARS } from '../constants';
import { domainError, type DomainError } from './errors';
import { countChars, normalizeText } from './text';

/** The "météo" a resident picks on arrival: how they feel, without saying who they are. */
export const MOODS = ['sunny', 'partly', 'cloudy', 'rainy', 'stormy'] as const;
export type Mood = (typeof MOODS)[number];

export type MoodCounts = Record<Mood, number>;

export function emptyMoodCounts(): MoodCounts {
  return { sunny: 0, partly: 0, cloudy: 0, rainy: 0, stormy: 0 };
}

export function isMood(value: unknown): value is Mood {
  return (MOODS as ReadonlyArray<unknown>).includes(value);
}

const ANIMALS: ReadonlyArray<readonly [name: string, feminine: boolean]> = [
  ['Loutre', true],
  ['Hérisson', false],
  ['Chouette', true],
  ['Renard', false],
  ['Tortue', true],
  ['Panda', false],
  ['Baleine', true],
  ['Koala', false],
  ['Abeille', true],
  ['Pingouin', false],
  ['Girafe', true],
  ['Lapin', false],
  ['Fourmi', true],
  ['Écureuil', false],
  ['Mouette', true],
  ['Dauphin', false],
  ['Grenouille', true],
  ['Castor', false],
  ['Coccinelle', true],
  ['Lynx', false],
];

const ADJECTIVES: ReadonlyArray<readonly [masculine: string, feminine: string]> = [
  ['joyeux', 'joyeuse'],
  ['curieux', 'curieuse'],
  ['malin', 'maligne'],
  ['calme', 'calme'],
  ['rêveur', 'rêveuse'],
  ['rapide', 'rapide'],
  ['gourmand', 'gourmande'],
  ['courageux', 'courageuse'],
  ['bavard', 'bavarde'],
  ['sage', 'sage'],
  ['créatif', 'créative'],
  ['souriant', 'souriante'],
];

function pick<T>(items: ReadonlyArray<T>, random: () => number): T {
  const item = items[Math.floor(random() * items.length) % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** An animal pseudonym ("Loutre curieuse") suggested so nobody has to give a name. */
export function suggestPseudonym(random: () => number = Math.random): string {
  const [animal, feminine] = pick(ANIMALS, random);
  const [masculine, feminineForm] = pick(ADJECTIVES, random);
  return `${animal} ${feminine ? feminineForm : masculine}`;
}

/** An optional nickname: blank means none; too long is refused rather than cut. */
export function normalizeNickname(raw: string | undefined): string | null | DomainError {
  if (raw === undefined) return null;
  const nickname = normalizeText(raw);
  if (nickname.length === 0) return null;
  if (countChars(nickname) > MAX_NICKNAME_CHARS) {
    return domainError(ErrorCode.TooLarge, `nickname is longer than ${MAX_NICKNAME_CHARS} characters`);
  }
  return nickname;
}

/** resident: on their own phone; assisted: a table helper types for them; paper: a site's paper post-its. */
export const PARTICIPANT_KINDS = ['resident', 'assisted', 'paper'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export function isParticipantKind(value: unknown): value is ParticipantKind {
  return typeof value === 'string' && (PARTICIPANT_KINDS as ReadonlyArray<string>).includes(value);
}
