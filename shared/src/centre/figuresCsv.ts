/**
 * The centre's and the territory's figures as CSV rows (section, label, value) for funders'
 * spreadsheets. Suppressed groups read "< 5" (people) or stay empty (a hidden per-site split).
 */
import { AGE_BANDS, GENDERS } from '../questionnaire/questionnaire';
import { SUPPRESSED, type CentreFigures, type TerritoryFigures } from './figures';

const count = (value: number | null | string) => (value === null ? SUPPRESSED : String(value));

export function centreFiguresRows(figures: CentreFigures): string[][] {
  const rows: string[][] = [['section', 'label', 'value']];
  rows.push(['centre', 'workshops', String(figures.workshops)]);
  rows.push(['participants', 'total', String(figures.participants)]);
  rows.push(['participants', 'assisted', String(figures.assisted)]);
  for (const [site, people] of Object.entries(figures.bySite)) rows.push(['participants_by_site', site, String(people)]);
  rows.push(['ideas', 'total', String(figures.ideas)]);
  rows.push(['gommettes', 'rounds', String(figures.votes.rounds)]);
  rows.push(['gommettes', 'total', String(figures.votes.gommettes)]);
  rows.push(['gommettes', 'paper', String(figures.votes.paper)]);
  rows.push(['gommettes', 'voters', String(figures.votes.voters)]);
  for (const [site, voters] of Object.entries(figures.votes.votersBySite)) rows.push(['voters_by_site', site, String(voters)]);
  const q = figures.questionnaire;
  rows.push(['questionnaire', 'responses', String(q.responses)]);
  for (const question of q.questions) {
    rows.push(['questionnaire_average', question.text, question.average === null ? '' : String(question.average)]);
    rows.push(['questionnaire_answers', question.text, String(question.answers)]);
  }
  for (const band of AGE_BANDS) rows.push(['age_band', band, count(q.ageBands[band])]);
  for (const gender of GENDERS) rows.push(['gender', gender, count(q.genders[gender])]);
  rows.push(['first_time', 'yes', count(q.firstTime.yes)]);
  rows.push(['first_time', 'no', count(q.firstTime.no)]);
  for (const workshop of figures.perWorkshop) {
    const label = workshop.title;
    rows.push(['workshop_participants', label, String(workshop.participants)]);
    rows.push(['workshop_ideas', label, String(workshop.ideas)]);
    rows.push(['workshop_questionnaire_responses', label, String(workshop.questionnaire.responses)]);
    if (!workshop.votes) continue;
    rows.push(['workshop_gommettes', label, String(workshop.votes.gommettes)]);
    rows.push(['workshop_voters', label, String(workshop.votes.voters)]);
    for (const site of workshop.votes.bySite) {
      rows.push(['workshop_voters_by_site', `${label} — ${site.siteName}`, String(site.voters)]);
      // Empty: fewer than 3 voters at that site (or the split would give a small site away).
      rows.push(['workshop_gommettes_by_site', `${label} — ${site.siteName}`, site.gommettes === null ? '' : String(site.gommettes)]);
    }
  }
  return rows;
}

export function territoryFiguresRows(territory: TerritoryFigures): string[][] {
  const rows: string[][] = [['section', 'label', 'value']];
  rows.push(['territory', 'centres', String(territory.centres)]);
  rows.push(['territory', 'workshops', String(territory.workshops)]);
  for (const key of ['participants', 'assisted', 'ideas', 'voters', 'gommettes', 'responses'] as const) rows.push(['territory', key, count(territory[key])]);
  for (const question of territory.questions) {
    rows.push(['questionnaire_average', question.text, question.average === null ? '' : String(question.average)]);
    rows.push(['questionnaire_answers', question.text, count(question.answers)]);
  }
  for (const centre of territory.perCentre) {
    for (const key of ['workshops', 'participants', 'assisted', 'ideas', 'voters', 'gommettes', 'responses'] as const) {
      rows.push([`centre_${key}`, `${centre.name} (${centre.town})`, count(centre[key])]);
    }
  }
  return rows;
}
