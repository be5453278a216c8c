import { describe, expect, it } from 'vitest';
import { planWorkshop } from './workshop';

const ids = { workshopId: 'w1', siteIds: ['s1', 's2', 's3'], joinCodes: ['AAAAAA', 'BBBBBB', 'CCCCCC'] };
const draft = {
  title: ' Être acteur de son quartier ',
  question: 'Comment aider les personnes sans abri dans leur quotidien ?',
  purpose: 'Votre participation servira à choisir une invention.',
  sites: [{ name: "Centre social de l'Arbrisseau" }, { name: 'Maison du Chemin Rouge' }],
};

describe('planWorkshop', () => {
  it('lays out the workshop and its sites in order, each with its own join code', () => {
    const planned = planWorkshop(draft, ids, 5);
    expect(planned).toEqual({
      workshop: { id: 'w1', title: 'Être acteur de son quartier', question: draft.question, purpose: draft.purpose, createdAt: 5 },
      sites: [
        { id: 's1', workshopId: 'w1', name: "Centre social de l'Arbrisseau", joinCode: 'AAAAAA', position: 0 },
        { id: 's2', workshopId: 'w1', name: 'Maison du Chemin Rouge', joinCode: 'BBBBBB', position: 1 },
      ],
    });
  });
  it('requires the purpose sentence, a title, a question and a site', () => {
    expect(planWorkshop({ ...draft, purpose: '   ' }, ids, 1)).toMatchObject({ error: 'bad_request', message: 'purpose is required' });
    expect(planWorkshop({ ...draft, title: '' }, ids, 1)).toMatchObject({ error: 'bad_request' });
    expect(planWorkshop({ ...draft, question: '\n' }, ids, 1)).toMatchObject({ error: 'bad_request' });
    expect(planWorkshop({ ...draft, sites: [] }, ids, 1)).toMatchObject({ error: 'bad_request' });
  });
  it('refuses two sites with the same name and over-long fields', () => {
    expect(planWorkshop({ ...draft, sites: [{ name: 'Ici' }, { name: ' ici ' }] }, ids, 1)).toMatchObject({ error: 'bad_request' });
    expect(planWorkshop({ ...draft, purpose: 'x'.repeat(501) }, ids, 1)).toMatchObject({ error: 'too_large' });
  });
});
