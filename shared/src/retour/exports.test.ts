import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { buildBrief } from './brief';
import { figuresRows, participationFigures } from './figures';
import { emptyQuestionnaire, sampleSources } from './fixtures.test-helpers';
import { briefMarkdown, buildWorkshopExport, markdownText, ideaRows, questionnaireRows, workshopExportSchema, workshopMarkdown } from './exports';
import { myIdeasInBriefs, timelineSteps, toFollowUpView } from './followUp';

function exported() {
  const sources = sampleSources();
  const brief = buildBrief(sources, { id: 'b1', title: 'Le sac à dos', ideaIds: ['idea-sac'] }, 5000);
  if (isDomainError(brief)) throw new Error(brief.message);
  const ideas = sources.ideas.map((idea) => ({ ...idea, origin: 'phone' as const, parked: false }));
  const figures = participationFigures({
    sites: sources.sites,
    participants: { total: 3, bySite: {}, byTable: {}, assisted: 0, returning: 0 },
    ideas,
    vote: sources.vote,
    questionnaire: emptyQuestionnaire,
  });
  return {
    brief,
    figures,
    data: buildWorkshopExport(
      {
        workshop: { title: 'Atelier', question: sources.workshop.question, purpose: sources.workshop.purpose, createdAt: 1 },
        followUp: { finishedAt: null, nextMeeting: null },
        sites: sources.sites,
        ideas,
        vote: sources.vote,
        matrix: sources.matrix,
        questionnaire: emptyQuestionnaire,
        figures,
        briefs: [brief],
      },
      10,
    ),
  };
}

describe('workshop export', () => {
  it('matches its schema and leaves hidden and merged ideas out', () => {
    const { data } = exported();
    expect(workshopExportSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
    expect(data.ideas.map((idea) => idea.id)).toEqual(['idea-sac', 'idea-douche']);
    expect(data.ideas[0]?.gommettesBySite).toEqual([
      { siteName: 'Centre social', gommettes: 5 },
      { siteName: 'Maraude', gommettes: 4 },
    ]);
  });

  it('refuses an extra field such as a participant id', () => {
    const { data } = exported();
    const leaked = { ...data, ideas: [{ ...data.ideas[0], participantId: 'p-1' }] };
    expect(workshopExportSchema.safeParse(leaked).success).toBe(false);
  });

  it('gives CSV rows with one column per site', () => {
    const { data } = exported();
    const rows = ideaRows(data);
    expect(rows[0]).toContain('gommettes_Maraude');
    expect(rows[1]).toEqual(['idea-sac', 'Un sac à dos solide avec des poches', 'Centre social', '1', '', 'phone', 'no', '9', '1', '1', '5', '4', '80', '90']);
    expect(questionnaireRows(data)[0]?.[0]).toBe('section');
  });

  it("writes the CSV header rows in the reader's language (machine names without one)", () => {
    const { data, figures } = exported();
    expect(ideaRows(data, 'fr')[0]).toEqual([
      'identifiant de l’idée',
      'texte',
      'lieu',
      'table',
      'thème',
      'origine',
      'mise de côté',
      'gommettes',
      'gommettes sur papier',
      'rang',
      'gommettes (Centre social)',
      'gommettes (Maraude)',
      'matrice : facile',
      'matrice : prioritaire',
    ]);
    expect(ideaRows(data, 'en')[0]?.[0]).toBe('idea id');
    expect(ideaRows(data, 'ar')[0]?.[7]).toBe('الملصقات');
    expect(questionnaireRows(data, 'fr')[0]?.slice(0, 4)).toEqual(['rubrique', 'libellé', 'réponses', 'moyenne']);
    expect(figuresRows(figures, 'en')[0]).toEqual(['section', 'label', 'value']);
    expect(figuresRows(figures, 'fr')[0]).toEqual(['rubrique', 'libellé', 'valeur']);
    // The rows themselves and the JSON keep their stable machine names.
    expect(ideaRows(data, 'fr')[1]).toEqual(ideaRows(data)[1]);
    expect(Object.keys(data.ideas[0]!)).toContain('gommettesBySite');
  });

  it('writes briefs and the workshop Markdown with plural forms, French numbers and dates, and the purpose once', () => {
    const sources = sampleSources();
    const ranking = sources.vote!.ranking!.map((row) => (row.ideaId === 'idea-douche' ? { ...row, digital: 1, total: 1 } : row));
    const lone = {
      ...sources,
      workshop: { ...sources.workshop, purpose: 'Votre participation servira à choisir une solution.' },
      vote: { ...sources.vote!, ranking },
    };
    const built = buildBrief(lone, { id: 'b2', title: 'Les douches', ideaIds: ['idea-douche'] }, Date.UTC(2026, 11, 5, 12));
    if (isDomainError(built)) throw new Error(built.message);
    const brief = { ...built, fields: { ...built.fields, nextSteps: [{ text: 'Essai', owner: '', date: '2027-02-10' }] } };
    const md = briefMarkdown(brief);
    expect(md).toContain('1 gommette, rang 2');
    expect(md).not.toContain('gommette(s)');
    expect(md).toContain('10/02/2027 — Essai');
    expect(md).not.toContain('2027-02-10');
    expect(md).toContain('05/12/2026 — ');
    expect(md).toContain('choisir une solution.');
    expect(md.match(/participation servira/g)).toHaveLength(1);
    const { data } = exported();
    const averaged = {
      ...data,
      figures: { ...data.figures, questionnaire: { ...data.figures.questionnaire, averages: [{ id: 'q', text: 'Écouté·e', answers: 6, average: 4.4 }] } },
    };
    const workshop = workshopMarkdown(averaged);
    expect(workshop).toContain('Écouté·e : 4,4 / 5');
    expect(workshop).toMatch(/— 1 gommette$|— 2 gommettes$/m);
    expect(workshop).not.toContain('gommette(s)');
  });

  it('writes Markdown with the question, purpose and traces', () => {
    const { brief, data } = exported();
    const md = briefMarkdown(brief);
    expect(md).toContain('# Le sac à dos');
    expect(md).toContain('sans abri');
    expect(md).toContain('9 gommettes, rang 1, dont 1 sur papier — par lieu : Centre social 5, Maraude 4');
    expect(workshopMarkdown(data)).toContain('## Fiche solution : Le sac à dos');
  });
  it('keeps typed text from making Markdown structure: headings, lists, rules, quotes, tables', () => {
    const { brief, data } = exported();
    const trap = 'Ligne un\n---\n- puce\n+ autre\n# Titre\n> citation\n1. premier\n2) second\n| a | b |\n===\n    code';
    const trapped = { ...brief, title: `${brief.title}\n# pirate`, fields: { ...brief.fields, solution: trap } };
    const md = briefMarkdown(trapped);
    const ideas = { ...data, ideas: data.ideas.map((idea) => ({ ...idea, text: `${idea.text}\n## pirate\n- faux` })) };
    for (const out of [md, workshopMarkdown(ideas)]) {
      const lines = out.split('\n');
      // Every heading is one the export writes itself; no typed line starts a rule, quote, numbered list or table.
      expect(lines.filter((line) => line.includes('pirate') && /^#/.test(line))).toEqual(
        lines.filter((line) => line.includes('pirate') && /^# .*\\# pirate$/.test(line)),
      );
      for (const line of lines) {
        expect(line, line).not.toMatch(/^\s*(---|===|>|\d+[.)] |\||\+ | {4}\S)/);
        if (line.includes('puce') || line.includes('faux')) expect(line).not.toMatch(/^- (puce|faux)/);
      }
    }
    expect(markdownText(trap, true).split('  \n')).toEqual([
      'Ligne un',
      '\\---',
      '\\- puce',
      '\\+ autre',
      '\\# Titre',
      '\\> citation',
      '1\\. premier',
      '2\\) second',
      '\\| a \\| b \\|',
      '\\===',
      'code',
    ]);
  });
});

describe('follow-up view', () => {
  it('shows decisions without owners, and the timeline with dates', () => {
    const { brief } = exported();
    const withOwner = { ...brief, fields: { ...brief.fields, nextSteps: [{ text: 'Tester', owner: 'Mme X', date: '2027-03-01' }] } };
    const view = toFollowUpView({ title: 'A', question: 'Q', purpose: 'P' }, { finishedAt: 1, nextMeeting: 'mardi' }, [withOwner]);
    expect(JSON.stringify(view)).not.toContain('Mme X');
    expect(view.briefs[0]?.nextSteps).toEqual([{ text: 'Tester', date: '2027-03-01' }]);
    const steps = timelineSteps(view.briefs[0]!);
    expect(steps.map((step) => [step.status, step.at !== null])).toEqual([
      ['idea', true],
      ['chosen', true],
      ['building', false],
      ['tested', false],
      ['in_service', false],
    ]);
    const abandoned = timelineSteps({ status: 'abandoned', timeline: [...brief.timeline, { status: 'abandoned', at: 6000, reason: 'budget' }] });
    expect(abandoned.map((step) => step.status)).toEqual(['idea', 'chosen', 'abandoned']);
    expect(abandoned.at(-1)?.reason).toBe('budget');
  });

  it('finds only my ideas in the briefs', () => {
    const { brief } = exported();
    expect(myIdeasInBriefs([brief], new Set(['idea-sac', 'idea-douche']))).toEqual(['idea-sac']);
    expect(myIdeasInBriefs([brief], new Set(['other']))).toEqual([]);
  });
});
