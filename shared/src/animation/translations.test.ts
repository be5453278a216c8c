import { describe, expect, it } from 'vitest';
import ar from '../builtInTexts/ar';
import en from '../builtInTexts/en';
import { DEFAULT_JOURNEY } from '../board/defaults';
import { DEFAULT_QUESTIONNAIRE } from '../questionnaire/questionnaire';
import { ErrorCode } from '../constants';
import { isDomainError } from '../domain/errors';
import { BUILT_IN_TEMPLATES } from './method';
import { initialRoom, viewRoom } from './room';
import { applyTranslation, translatableTexts } from './translationRules';
import { emptyTranslations, pickText, writtenLanguage } from './translations';

const workshop = { title: 'Notre quartier', question: 'Que changer ?', purpose: 'Choisir un projet.' };

describe('the text a page shows', () => {
  it("shows the facilitator's version, else the built-in one, else the text as written with its language", () => {
    const own = { en: { 'Que changer ?': 'What to change?' }, ar: {} };
    expect(pickText('Que changer ?', 'en', own, en)).toEqual({ text: 'What to change?', lang: 'en' });
    expect(pickText('Que changer ?', 'ar', own, ar)).toEqual({ text: 'Que changer ?', lang: 'fr' });
    expect(pickText('Idées', 'ar', own, ar)).toEqual({ text: 'الأفكار', lang: 'ar' });
    // A built-in text the facilitator rewrote no longer matches: shown as written.
    expect(pickText('Idées folles', 'en', own, en)).toEqual({ text: 'Idées folles', lang: 'fr' });
    // In French, the original; before the built-in versions load, the original too.
    expect(pickText('Idées', 'fr', own, en)).toEqual({ text: 'Idées', lang: 'fr' });
    expect(pickText('Idées', 'en', own, null)).toEqual({ text: 'Idées', lang: 'fr' });
    // A facilitator writing in Arabic: their words are Arabic; object keys never leak.
    expect(pickText('كيف نساعد؟', 'fr', null, null)).toEqual({ text: 'كيف نساعد؟', lang: 'ar' });
    expect(pickText('constructor', 'en', own, en)).toEqual({ text: 'constructor', lang: 'fr' });
    expect(writtenLanguage('Hello')).toBe('fr');
  });

  it('has an English and an Arabic version of every built-in text residents read', () => {
    const texts = [
      ...BUILT_IN_TEMPLATES.flatMap((template) => template.phases.flatMap((phase) => [phase.title, phase.instruction])),
      DEFAULT_JOURNEY.persona,
      ...DEFAULT_JOURNEY.steps.map((step) => step.label),
      ...DEFAULT_JOURNEY.rows.map((row) => row.label),
      ...DEFAULT_QUESTIONNAIRE.questions.map((question) => question.text),
    ];
    for (const text of texts) {
      expect(en[text], text).toBeTruthy();
      expect(ar[text], text).toMatch(/[\u0600-\u06FF]/);
    }
    expect(Object.keys(en).sort()).toEqual([...new Set(texts)].sort());
    expect(Object.keys(ar).sort()).toEqual([...new Set(texts)].sort());
  });
});

describe('the facilitator adding versions', () => {
  const room = initialRoom(BUILT_IN_TEMPLATES[1]!.phases);
  const texts = translatableTexts(workshop, room);

  it('accepts a version of a text of the workshop, normalised, and removes it when empty', () => {
    const added = applyTranslation(emptyTranslations(), texts, { source: ' Que  changer ? ', lang: 'ar', text: ' ماذا  نغيّر؟ ' });
    expect(added).toEqual({ en: {}, ar: { 'Que changer ?': 'ماذا نغيّر؟' } });
    if (isDomainError(added)) return;
    expect(applyTranslation(added, texts, { source: 'Que changer ?', lang: 'ar', text: '' })).toEqual(emptyTranslations());
  });

  it('refuses an unknown text and a version longer than its field allows, and drops versions of texts gone', () => {
    expect(applyTranslation(emptyTranslations(), texts, { source: 'Autre', lang: 'en', text: 'Other' })).toMatchObject({ error: ErrorCode.BadRequest });
    expect(applyTranslation(emptyTranslations(), texts, { source: 'Vote', lang: 'en', text: 'v'.repeat(61) })).toMatchObject({ error: ErrorCode.TooLarge });
    const stale = { en: { 'Ancienne question': 'Old question' }, ar: {} };
    expect(applyTranslation(stale, texts, { source: 'Vote', lang: 'en', text: 'Vote!' })).toEqual({ en: { Vote: 'Vote!' }, ar: {} });
  });

  it("keeps a step's instruction version from phones until the step starts", () => {
    const secret = room.phases[1]!.instruction;
    const withVersion = { ...room, translations: { en: { [secret]: 'Write your ideas.', 'Que changer ?': 'What to change?' }, ar: {} } };
    expect(viewRoom(withVersion, false, 0).translations.en).toEqual({ 'Que changer ?': 'What to change?' });
    expect(viewRoom(withVersion, true, 0).translations.en[secret]).toBe('Write your ideas.');
    const started = { ...withVersion, run: { ...withVersion.run, phaseIndex: 1, status: 'running' as const } };
    expect(viewRoom(started, false, 0).translations.en[secret]).toBe('Write your ideas.');
  });
});
