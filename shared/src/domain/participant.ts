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

/** English: an adjective, then the animal ("Curious Otter"). */
const ANIMALS_EN = [
  'Otter',
  'Hedgehog',
  'Owl',
  'Fox',
  'Turtle',
  'Panda',
  'Whale',
  'Koala',
  'Bee',
  'Penguin',
  'Giraffe',
  'Rabbit',
  'Squirrel',
  'Dolphin',
  'Frog',
  'Beaver',
  'Ladybird',
  'Lynx',
];
const ADJECTIVES_EN = ['Cheerful', 'Curious', 'Clever', 'Calm', 'Dreamy', 'Swift', 'Brave', 'Chatty', 'Wise', 'Creative', 'Smiling', 'Playful'];

/** Arabic: the animal, then the adjective agreeing with it ("ثعلب ذكي", "بومة حكيمة"). */
const ANIMALS_AR: ReadonlyArray<readonly [name: string, feminine: boolean]> = [
  ['سلحفاة', true],
  ['بومة', true],
  ['نحلة', true],
  ['زرافة', true],
  ['فراشة', true],
  ['غزالة', true],
  ['نملة', true],
  ['بطة', true],
  ['ثعلب', false],
  ['قنفذ', false],
  ['أرنب', false],
  ['دلفين', false],
  ['سنجاب', false],
  ['بطريق', false],
  ['طاووس', false],
  ['عصفور', false],
];
const ADJECTIVES_AR: ReadonlyArray<readonly [masculine: string, feminine: string]> = [
  ['سعيد', 'سعيدة'],
  ['فضولي', 'فضولية'],
  ['ذكي', 'ذكية'],
  ['هادئ', 'هادئة'],
  ['حالم', 'حالمة'],
  ['سريع', 'سريعة'],
  ['شجاع', 'شجاعة'],
  ['مبدع', 'مبدعة'],
  ['مبتسم', 'مبتسمة'],
  ['حكيم', 'حكيمة'],
  ['لطيف', 'لطيفة'],
  ['نشيط', 'نشيطة'],
];

function pick<T>(items: ReadonlyArray<T>, random: () => number): T {
  const item = items[Math.floor(random() * items.length) % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/**
 * An animal pseudonym suggested so nobody has to give a name, in the page's language: "Loutre
 * curieuse", "Curious Otter", "ثعلب ذكي" (any other language: French).
 */
export function suggestPseudonym(language = 'fr', random: () => number = Math.random): string {
  if (language.startsWith('en')) return `${pick(ADJECTIVES_EN, random)} ${pick(ANIMALS_EN, random)}`;
  const [animals, adjectives] = language.startsWith('ar') ? [ANIMALS_AR, ADJECTIVES_AR] : [ANIMALS, ADJECTIVES];
  const [animal, feminine] = pick(animals, random);
  const [masculine, feminineForm] = pick(adjectives, random);
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
