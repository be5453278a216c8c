import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { buildBrief, type Brief } from '../retour/brief';
import { sampleSources } from '../retour/fixtures.test-helpers';
import { briefIsPublished, briefWithoutIdeas, scrubContacts, sharedBriefSchema, toSharedBrief, workshopBriefsPublished } from './sharedBriefs';

function sampleBrief(): Brief {
  const sources = sampleSources();
  // Site "Maraude" had 1 voter only: its split is left out (and with it every site's, see splitSites).
  sources.vote = { ...sources.vote!, sites: [sources.vote!.sites[0]!, { ...sources.vote!.sites[1]!, voters: 1 }] };
  const built = buildBrief(sources, { id: 'brief-1', title: 'Le sac à dos', ideaIds: ['idea-sac', 'idea-douche'] }, 5000);
  if (isDomainError(built)) throw new Error(built.message);
  return {
    ...built,
    fields: {
      solution: 'Un sac solide, écrire à karim.b@example.org ou au 06 12 34 56 78 pour le tester',
      builders: 'Mme Dupont et l’atelier couture',
      nextSteps: [{ text: 'Trouver du tissu', owner: 'Sophie Martin', date: '2026-03-01' }],
      unsure: 'Le prix',
    },
    news: [{ id: 'n1', text: 'Sophie a cousu le premier sac', at: 6000 }],
  };
}

describe('a shared brief', () => {
  it('keeps what another centre can build on, validated by its schema', () => {
    const shared = toSharedBrief(sampleBrief(), { centreName: 'Centre A', town: 'Lille', sharedAt: 7000 });
    expect(sharedBriefSchema.parse(shared)).toEqual(shared);
    expect(shared).toMatchObject({
      id: 'brief-1',
      title: 'Le sac à dos',
      centreName: 'Centre A',
      status: 'chosen',
      nextSteps: [{ text: 'Trouver du tissu' }],
      unsure: 'Le prix',
    });
    expect(shared.ideas.map((idea) => [idea.text, idea.siteName, idea.votes?.total])).toEqual([
      ['Un sac à dos solide avec des poches', 'Centre social', 9],
      ['Des douches ouvertes le dimanche', 'Maraude', 2],
    ]);
    expect(shared.needsBySteps.flatMap((step) => step.needs.map((need) => need.text))).toContain('Garder ses affaires au sec');
  });

  it('drops names of owners and builders, news, tables, ids and traces, and blanks contact details', () => {
    const text = JSON.stringify(toSharedBrief(sampleBrief(), { centreName: 'Centre A', town: 'Lille', sharedAt: 7000 }));
    for (const trace of [
      'Sophie',
      'Dupont',
      'karim.b@example.org',
      '06 12 34 56 78',
      'idea-sac',
      'note-1',
      'round-1',
      'tableId',
      'source',
      'owner',
      '2026-03-01',
      'ws-1',
    ]) {
      expect(text.includes(trace), `"${trace}" in the shared brief`).toBe(false);
    }
    expect(text).toContain('écrire à […] ou au […] pour le tester');
  });

  it('keeps the small-group suppression of gommettes per site', () => {
    const shared = toSharedBrief(sampleBrief(), { centreName: 'Centre A', town: 'Lille', sharedAt: 7000 });
    // 1 voter at Maraude: no site is shown apart, since the total minus the other would tell it.
    expect(shared.ideas[0]!.votes!.bySite).toEqual([
      { siteName: 'Centre social', gommettes: null },
      { siteName: 'Maraude', gommettes: null },
    ]);
  });

  it('blanks e-mail addresses and phone numbers, not dates or counts', () => {
    expect(scrubContacts('Appelle le +33 6 12 34 56 78, ou 0612345678, ou a.b@c.fr')).toBe('Appelle le […], ou […], ou […]');
    expect(scrubContacts('Le 2026-03-12, 45 personnes, 12 gommettes')).toBe('Le 2026-03-12, 45 personnes, 12 gommettes');
  });

  it('takes erased ideas out of a draft brief, with their links from the needs', () => {
    const brief = sampleBrief();
    const without = briefWithoutIdeas(brief, new Set(['idea-sac']));
    expect(without.prefilled.ideas.map((idea) => idea.ideaId)).toEqual(['idea-douche']);
    expect(JSON.stringify(without)).not.toContain('Un sac à dos solide');
    expect(without.prefilled.needsBySteps.flatMap((step) => step.needs.flatMap((need) => need.ideaIds))).not.toContain('idea-sac');
    expect(without.fields).toEqual(brief.fields);
  });

  it('is published once the workshop is marked finished (its follow-up page is public)', () => {
    expect(briefIsPublished({ finishedAt: null, nextMeeting: null })).toBe(false);
    expect(briefIsPublished({ finishedAt: 10, nextMeeting: null })).toBe(true);
    expect(workshopBriefsPublished({ finishedAt: 10, nextMeeting: null }, 0)).toBe(false);
    expect(workshopBriefsPublished({ finishedAt: null, nextMeeting: null }, 2)).toBe(false);
    expect(workshopBriefsPublished({ finishedAt: 10, nextMeeting: null }, 1)).toBe(true);
  });
});
