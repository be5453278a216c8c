/**
 * What leaves the app in exports: the whole workshop as JSON (validated against
 * `workshopExportSchema`), its rows for CSV, and Markdown of a brief. Aggregates only: no
 * participant id, nickname, token or who voted for what. Pure: the server adds the file formats.
 */
import { z } from 'zod';
import type { IdeaOrigin } from '../domain/idea';
import { countOf, formatDay, formatNumber, type PluralForms } from '../domain/format';
import { purposeCompletion } from '../domain/purpose';
import { AGE_BANDS, GENDERS, type QuestionnaireResults } from '../questionnaire/questionnaire';
import type { MatrixView } from '../vote/matrix';
import type { VoteResults } from '../vote/results';
import { csvHeader, type CsvLanguage } from '../centre/csvHeaders';
import { briefSchema, siteGommettes, splitSites, type Brief } from './brief';
import { participationFiguresSchema, type ParticipationFigures } from './figures';

export const EXPORT_FORMAT = 'gommette-workshop-export';
export const EXPORT_VERSION = 1;

const suppressed = z.number().int().nullable();

export const exportIdeaSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  siteName: z.string(),
  tableId: z.number().int().nullable(),
  theme: z.string().nullable(),
  origin: z.enum(['phone', 'assisted', 'paper']),
  parked: z.boolean(),
  gommettes: z.number().int().nullable(),
  paperGommettes: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  gommettesBySite: z.array(z.strictObject({ siteName: z.string(), gommettes: z.number().int().nullable() })),
  matrix: z.strictObject({ easy: z.number(), priority: z.number() }).nullable(),
});
export type ExportIdea = z.infer<typeof exportIdeaSchema>;

export const workshopExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.number().int(),
  workshop: z.strictObject({
    title: z.string(),
    question: z.string(),
    purpose: z.string(),
    createdAt: z.number().int(),
    finishedAt: z.number().int().nullable(),
    nextMeeting: z.string().nullable(),
  }),
  sites: z.array(z.strictObject({ name: z.string() })),
  ideas: z.array(exportIdeaSchema),
  vote: z
    .strictObject({
      closed: z.boolean(),
      voters: z.number().int(),
      votersBySite: z.array(z.strictObject({ siteName: z.string(), voters: z.number().int() })),
    })
    .nullable(),
  questionnaire: z.strictObject({
    responses: z.number().int(),
    questions: z.array(
      z.strictObject({
        id: z.string(),
        text: z.string(),
        answers: z.number().int(),
        average: z.number().nullable(),
        counts: z.record(z.string(), z.number().int()),
      }),
    ),
    learned: z.array(z.string()),
    ageBands: z.record(z.enum(AGE_BANDS), suppressed),
    genders: z.record(z.enum(GENDERS), suppressed),
    firstTime: z.strictObject({ yes: suppressed, no: suppressed }),
  }),
  figures: participationFiguresSchema,
  briefs: z.array(briefSchema),
});
export type WorkshopExport = z.infer<typeof workshopExportSchema>;

export interface ExportSources {
  workshop: { title: string; question: string; purpose: string; createdAt: number };
  followUp: { finishedAt: number | null; nextMeeting: string | null };
  sites: ReadonlyArray<{ id: string; name: string }>;
  ideas: ReadonlyArray<{
    id: string;
    text: string;
    siteId: string;
    tableId: number | null;
    theme: string | null;
    origin: IdeaOrigin;
    parked: boolean;
    hidden: boolean;
    mergedInto: string | null;
  }>;
  vote: VoteResults | null;
  matrix: MatrixView;
  questionnaire: QuestionnaireResults;
  figures: ParticipationFigures;
  briefs: ReadonlyArray<Brief>;
}

/** The whole workshop, aggregates only. Hidden and merged ideas are left out, as on every screen. */
export function buildWorkshopExport(sources: ExportSources, now: number): WorkshopExport {
  const siteName = new Map(sources.sites.map((site) => [site.id, site.name]));
  const ranking = new Map((sources.vote?.ranking ?? []).map((row) => [row.ideaId, row]));
  const placements = new Map(sources.matrix.placements.map((placement) => [placement.ideaId, placement]));
  const shown = splitSites(sources.vote?.sites ?? []);
  const ideas = sources.ideas
    .filter((idea) => !idea.hidden && idea.mergedInto === null)
    .map((idea): ExportIdea => {
      const row = ranking.get(idea.id);
      const placement = placements.get(idea.id);
      return {
        id: idea.id,
        text: idea.text,
        siteName: siteName.get(idea.siteId) ?? '',
        tableId: idea.tableId,
        theme: idea.theme,
        origin: idea.origin,
        parked: idea.parked,
        gommettes: row ? row.total : null,
        paperGommettes: row ? row.paper : null,
        rank: row ? row.rank : null,
        gommettesBySite: row
          ? (sources.vote?.sites ?? []).map((site) => ({
              siteName: siteName.get(site.siteId) ?? '',
              gommettes: siteGommettes(site, shown, idea.id),
            }))
          : [],
        matrix: placement ? { easy: placement.easy, priority: placement.priority } : null,
      };
    });
  const q = sources.questionnaire;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    workshop: { ...sources.workshop, finishedAt: sources.followUp.finishedAt, nextMeeting: sources.followUp.nextMeeting },
    sites: sources.sites.map((site) => ({ name: site.name })),
    ideas,
    vote: sources.vote
      ? {
          closed: sources.vote.closed,
          voters: sources.vote.voters,
          votersBySite: sources.vote.sites.map((site) => ({ siteName: siteName.get(site.siteId) ?? '', voters: site.voters })),
        }
      : null,
    questionnaire: {
      responses: q.responses,
      questions: q.questions.map((question) => ({
        id: question.id,
        text: question.text,
        answers: question.answers,
        average: question.average,
        counts: { ...question.counts },
      })),
      learned: q.learned,
      ageBands: q.ageBands,
      genders: q.genders,
      firstTime: q.firstTime,
    },
    figures: sources.figures,
    briefs: [...sources.briefs],
  };
}

/** A CSV's header row: the machine names, or (with `lang`) their words in that language. */
function headerRow(columns: ReadonlyArray<string>, lang: CsvLanguage | undefined): string[] {
  return columns.map((column) => (lang ? csvHeader(column, lang) : column));
}

/**
 * Ideas as CSV rows: one column per site for its gommettes ("" when a site's split is left out).
 * With `lang`, the header row is in that language (the reader's); without it, machine names.
 */
export function ideaRows(data: WorkshopExport, lang?: CsvLanguage): string[][] {
  const sites = data.sites.map((site) => site.name);
  const siteColumn = (name: string) => (lang ? `${csvHeader('gommettes', lang)} (${name})` : `gommettes_${name}`);
  const header = [
    ...headerRow(['idea_id', 'text', 'site', 'table', 'theme', 'origin', 'parked', 'gommettes', 'paper_gommettes', 'rank'], lang),
    ...sites.map(siteColumn),
    ...headerRow(['matrix_easy', 'matrix_priority'], lang),
  ];
  const rows = data.ideas.map((idea) => {
    const bySite = new Map(idea.gommettesBySite.map((site) => [site.siteName, site.gommettes]));
    const cell = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
    return [
      idea.id,
      idea.text,
      idea.siteName,
      cell(idea.tableId),
      idea.theme ?? '',
      idea.origin,
      idea.parked ? 'yes' : 'no',
      cell(idea.gommettes),
      cell(idea.paperGommettes),
      cell(idea.rank),
      ...sites.map((name) => cell(bySite.get(name))),
      cell(idea.matrix?.easy),
      cell(idea.matrix?.priority),
    ];
  });
  return [header, ...rows];
}

/** The questionnaire's aggregate as CSV rows; suppressed groups read "< 5". */
export function questionnaireRows(data: WorkshopExport, lang?: CsvLanguage, suppressedLabel = '< 5'): string[][] {
  const q = data.questionnaire;
  const value = (count: number | null) => (count === null ? suppressedLabel : String(count));
  const rows: string[][] = [[...headerRow(['section', 'label', 'answers', 'average'], lang), '1', '2', '3', '4', '5']];
  rows.push(['responses', '', String(q.responses), '', '', '', '', '', '']);
  for (const question of q.questions) {
    rows.push([
      'scale',
      question.text,
      String(question.answers),
      question.average === null ? '' : String(question.average),
      ...['1', '2', '3', '4', '5'].map((key) => String(question.counts[key] ?? 0)),
    ]);
  }
  for (const band of AGE_BANDS) rows.push(['age_band', band, value(q.ageBands[band] ?? null), '', '', '', '', '', '']);
  for (const gender of GENDERS) rows.push(['gender', gender, value(q.genders[gender] ?? null), '', '', '', '', '', '']);
  rows.push(['first_time', 'yes', value(q.firstTime.yes), '', '', '', '', '', '']);
  rows.push(['first_time', 'no', value(q.firstTime.no), '', '', '', '', '', '']);
  for (const text of q.learned) rows.push(['learned', text, '', '', '', '', '', '', '']);
  return rows;
}

export const STATUS_LABELS_FR: Record<Brief['status'], string> = {
  idea: 'Idée',
  chosen: 'Choisie',
  building: 'En fabrication',
  tested: 'Testée',
  in_service: 'En service',
  abandoned: 'Abandonnée',
};

/** Briefs, the workshop's Markdown and its PDFs are written in French: their numbers and dates too. */
export const DOCUMENT_LANGUAGE = 'fr';
const TIME_ZONE = 'Europe/Paris';
const dateFr = (at: number) => formatDay(at, DOCUMENT_LANGUAGE, 'short', TIME_ZONE);
const dayFr = (date: string) => formatDay(date, DOCUMENT_LANGUAGE);
const numberFr = (value: number) => formatNumber(value, DOCUMENT_LANGUAGE);
/** The French counted nouns of the documents. */
export const WORDS_FR = {
  gommettes: { one: 'gommette', other: 'gommettes' },
  voters: { one: 'votant·e', other: 'votant·es' },
  participants: { one: 'participant·e', other: 'participant·es' },
  assisted: { one: 'accompagné·e', other: 'accompagné·es' },
  returning: { one: 'revenu·e', other: 'revenu·es' },
} as const satisfies Record<string, PluralForms>;
/** "1 gommette", "12 gommettes": the count and its noun, in the documents' language. */
export const countFr = (count: number, noun: keyof typeof WORDS_FR) => countOf(count, DOCUMENT_LANGUAGE, WORDS_FR[noun]);

/** The brief as structured sections (title + lines), shared by the Markdown and the PDF. */
export function briefSections(brief: Brief): Array<{ heading: string; lines: string[] }> {
  const p = brief.prefilled;
  const sections: Array<{ heading: string; lines: string[] }> = [
    { heading: 'La question', lines: [p.question.text] },
    { heading: 'Votre participation servira à…', lines: [purposeCompletion(p.purpose.text)] },
  ];
  if (p.persona) sections.push({ heading: 'Pour qui (persona du parcours)', lines: [p.persona.text] });
  if (p.needsBySteps.length > 0) {
    sections.push({
      heading: 'Les besoins, étape par étape (parcours)',
      lines: p.needsBySteps.flatMap((step) =>
        step.needs.map((need) => `${step.stepLabel} — ${need.rowLabel} : ${need.text}${need.ideaIds.length > 0 ? ' (relié à une idée de la fiche)' : ''}`),
      ),
    });
  }
  sections.push({
    heading: 'Les idées des habitants qui y ont mené',
    lines: p.ideas.map((idea) => {
      const parts = [`« ${idea.text} » (${idea.siteName}${idea.tableId !== null ? `, table ${idea.tableId}` : ''})`];
      if (idea.votes) {
        const shown = idea.votes.bySite.filter((site) => site.gommettes !== null);
        const bySite =
          shown.length > 0
            ? ` — par lieu : ${idea.votes.bySite.map((site) => `${site.siteName} ${site.gommettes === null ? '—' : numberFr(site.gommettes)}`).join(', ')}`
            : '';
        const hidden = shown.length < idea.votes.bySite.length ? ' (détail caché là où moins de 3 personnes ont voté)' : '';
        parts.push(
          `${countFr(idea.votes.total, 'gommettes')}, rang ${numberFr(idea.votes.rank)}${idea.votes.paper > 0 ? `, dont ${numberFr(idea.votes.paper)} sur papier` : ''}${bySite}${hidden}`,
        );
      }
      if (idea.matrix)
        parts.push(
          `matrice : facile ${idea.matrix.easy}/100, prioritaire ${idea.matrix.priority}/100${idea.matrix.easyAndPriority ? ' (facile et prioritaire)' : ''}`,
        );
      return parts.join(' — ');
    }),
  });
  const f = brief.fields;
  sections.push({ heading: 'La solution, en mots simples', lines: [f.solution || 'À compléter'] });
  sections.push({ heading: 'Qui la fabrique', lines: [f.builders || 'À compléter'] });
  sections.push({
    heading: 'Prochaines étapes',
    lines:
      f.nextSteps.length > 0
        ? f.nextSteps.map((step) => `${step.date ? dayFr(step.date) : 'date à fixer'} — ${step.text}${step.owner ? ` (${step.owner})` : ''}`)
        : ['À compléter'],
  });
  sections.push({ heading: 'Ce qui reste incertain', lines: [f.unsure || 'À compléter'] });
  sections.push({
    heading: 'Où en est-on',
    lines: [
      ...brief.timeline.map((entry) => `${dateFr(entry.at)} — ${STATUS_LABELS_FR[entry.status]}${entry.reason ? ` : ${entry.reason}` : ''}`),
      ...brief.news.map((item) => `${dateFr(item.at)} — Nouvelle : ${item.text}`),
    ],
  });
  return sections;
}

/**
 * Typed text as Markdown that cannot make structure: inline marks escaped, and the first character
 * of every line too, so a line of a field cannot become a heading, a list, a rule, a quote or a
 * table. `block` keeps the field's lines (as hard breaks); otherwise they are joined by spaces.
 */
export function markdownText(text: string, block = false): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .trim()
        .replace(/([\\`*_[\]#<>|~])/g, '\\$1')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .filter(Boolean);
  return lines.join(block ? '  \n' : ' ');
}

export function briefMarkdown(brief: Brief): string {
  const escape = (text: string) => markdownText(text);
  const out = [`# ${escape(brief.title)}`, '', `Statut : **${STATUS_LABELS_FR[brief.status]}**`, ''];
  for (const section of briefSections(brief)) {
    out.push(`## ${section.heading}`, '');
    if (section.lines.length === 1) out.push(markdownText(section.lines[0] ?? '', true), '');
    else out.push(...section.lines.map((line) => `- ${escape(line)}`), '');
  }
  return out.join('\n');
}

/** The whole workshop as Markdown: summary, figures, ideas, then each brief. */
export function workshopMarkdown(data: WorkshopExport): string {
  const escape = (text: string) => markdownText(text);
  const f = data.figures;
  const out = [
    `# ${escape(data.workshop.title)}`,
    '',
    `**Question :** ${escape(data.workshop.question)}`,
    '',
    `**Votre participation servira à…** ${escape(purposeCompletion(data.workshop.purpose))}`,
    '',
    '## Participation',
    '',
    `- Participant·es : ${numberFr(f.participants.total)} (dont ${countFr(f.participants.assisted, 'assisted')})`,
    ...f.participants.bySite.map((site) => `- ${escape(site.siteName)} : ${numberFr(site.count)}`),
    `- Idées : ${numberFr(f.ideas.total)}`,
    ...(f.gommettes ? [`- Gommettes : ${numberFr(f.gommettes.total)} (${countFr(f.gommettes.voters, 'voters')})`] : []),
    `- Réponses au questionnaire : ${numberFr(f.questionnaire.responses)}`,
    ...f.questionnaire.averages.map((q) => `- ${escape(q.text)} : ${q.average === null ? '—' : numberFr(q.average)} / 5`),
    '',
    '## Idées',
    '',
    ...data.ideas.map(
      (idea) => `- ${escape(idea.text)} (${escape(idea.siteName)})${idea.gommettes !== null ? ` — ${countFr(idea.gommettes, 'gommettes')}` : ''}`,
    ),
    '',
  ];
  for (const brief of data.briefs) out.push(briefMarkdown(brief).replace(/^# /, '## Fiche solution : ').replace(/\n## /g, '\n### '), '');
  return out.join('\n');
}
