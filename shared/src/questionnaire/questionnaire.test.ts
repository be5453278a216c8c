import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../constants';
import { isDomainError } from '../domain/errors';
import { DEFAULT_QUESTIONNAIRE, aggregateAnswers, checkAnswer, checkQuestionnaire, suppress, type QuestionnaireAnswer } from './questionnaire';

const empty: QuestionnaireAnswer = { scale: {}, learned: null, ageBand: null, gender: null, firstTime: null };

describe('closing questionnaire', () => {
  it('keeps only what is asked, normalises the free text and refuses an empty answer', () => {
    const answer = checkAnswer(DEFAULT_QUESTIONNAIRE, { ...empty, scale: { avis: 5, unknown: 1 }, learned: '  Écouter   les autres ' });
    expect(answer).toEqual({ ...empty, scale: { avis: 5 }, learned: 'Écouter les autres' });
    expect(checkAnswer(DEFAULT_QUESTIONNAIRE, { ...empty, learned: '   ' })).toMatchObject({ error: ErrorCode.BadRequest });
    expect(checkAnswer(DEFAULT_QUESTIONNAIRE, { ...empty, learned: 'a'.repeat(501) })).toMatchObject({ error: ErrorCode.TooLarge });
    const noFigures = { ...DEFAULT_QUESTIONNAIRE, askFigures: false };
    expect(checkAnswer(noFigures, { ...empty, scale: { avis: 3 }, ageBand: '12-15', gender: 'woman', firstTime: true })).toEqual({
      ...empty,
      scale: { avis: 3 },
    });
  });

  it('aggregates answers into averages and counts', () => {
    const answers: QuestionnaireAnswer[] = [
      { ...empty, scale: { avis: 5, anim: 4 }, learned: 'Travailler en équipe' },
      { ...empty, scale: { avis: 4 } },
      { ...empty, scale: { avis: 2 }, learned: 'Qu’on peut aider' },
    ];
    const results = aggregateAnswers(DEFAULT_QUESTIONNAIRE, answers);
    expect(results.responses).toBe(3);
    expect(results.questions[0]).toMatchObject({ id: 'avis', answers: 3, average: 3.7, counts: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 } });
    expect(results.questions.find((q) => q.id === 'revenir')).toMatchObject({ answers: 0, average: null });
    expect(results.learned).toEqual(['Qu’on peut aider', 'Travailler en équipe']);
  });

  it('suppresses self-declared groups below 5 people', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, null, null, 5, 12]);
    const answers: QuestionnaireAnswer[] = [
      ...Array.from({ length: 6 }, () => ({ ...empty, ageBand: '12-15' as const, gender: 'woman' as const, firstTime: true })),
      { ...empty, ageBand: '61-75' as const, gender: 'man' as const, firstTime: false },
    ];
    const results = aggregateAnswers(DEFAULT_QUESTIONNAIRE, answers);
    expect(results.ageBands).toMatchObject({ '12-15': 6, '61-75': null, '18-25': 0 });
    expect(results.genders).toEqual({ woman: 6, man: null, other: 0 });
    expect(results.firstTime).toEqual({ yes: 6, no: null });
  });

  it('checks the questions the facilitator edits', () => {
    expect(checkQuestionnaire({ ...DEFAULT_QUESTIONNAIRE, questions: [{ id: 'q1', text: '  Ça m’a plu ' }] })).toMatchObject({
      questions: [{ id: 'q1', text: 'Ça m’a plu' }],
    });
    expect(isDomainError(checkQuestionnaire({ ...DEFAULT_QUESTIONNAIRE, questions: [{ id: 'q1', text: ' ' }] }))).toBe(true);
    expect(
      isDomainError(
        checkQuestionnaire({
          ...DEFAULT_QUESTIONNAIRE,
          questions: [
            { id: 'q1', text: 'a' },
            { id: 'q1', text: 'b' },
          ],
        }),
      ),
    ).toBe(true);
  });
});
