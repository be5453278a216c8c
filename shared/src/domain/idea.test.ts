import { describe, expect, it } from 'vitest';
import { MAX_IDEA_CHARS } from '../constants';
import { isDomainError } from './errors';
import { postIdea, resolveResend, toAuthorView, toFacilitatorView, toPublicView, upsertIdea, visibleIdeas, type Idea, type IdeaView } from './idea';

const author = { participantId: 'p1', workshopId: 'w1', siteId: 's1' };

describe('postIdea', () => {
  it('builds the idea from normalised text', () => {
    expect(postIdea(author, { id: 'idea-000001', text: '  Manger   chaud ' }, 42)).toEqual({
      id: 'idea-000001', workshopId: 'w1', siteId: 's1', participantId: 'p1', text: 'Manger chaud', hidden: false, createdAt: 42,
    });
  });
  it('refuses empty and too long text with the right codes', () => {
    expect(postIdea(author, { id: 'i', text: ' \n ' }, 1)).toMatchObject({ error: 'bad_request' });
    expect(postIdea(author, { id: 'i', text: 'a'.repeat(MAX_IDEA_CHARS + 1) }, 1)).toMatchObject({ error: 'too_large' });
    expect(isDomainError(postIdea(author, { id: 'i', text: 'a'.repeat(MAX_IDEA_CHARS) }, 1))).toBe(false);
  });
});

describe('resends and views', () => {
  const idea = postIdea(author, { id: 'idea-000002', text: 'Un livre d’or' }, 7) as Idea;

  it('gives the original back to its author and refuses anyone else', () => {
    expect(resolveResend(idea, author)).toBe(idea);
    expect(resolveResend(idea, { ...author, participantId: 'p2' })).toMatchObject({ error: 'conflict' });
    expect(resolveResend(idea, { ...author, workshopId: 'w2' })).toMatchObject({ error: 'conflict' });
  });

  it('never shows the author to others, marks it for the author, shows moderation to the facilitator', () => {
    expect(toPublicView(idea)).toEqual({ id: idea.id, siteId: 's1', text: 'Un livre d’or', createdAt: 7 });
    expect(toAuthorView(idea, 'p1')).toMatchObject({ mine: true });
    expect(toAuthorView(idea, 'p2')).not.toHaveProperty('mine');
    expect(toAuthorView({ ...idea, hidden: true }, 'p1')).toMatchObject({ mine: true, hidden: true });
    expect(toAuthorView({ ...idea, hidden: true }, 'p2')).not.toHaveProperty('hidden');
    expect(toFacilitatorView({ ...idea, hidden: true })).toMatchObject({ hidden: true });
    for (const view of [toPublicView(idea), toAuthorView(idea, 'p2'), toFacilitatorView(idea)]) {
      expect(JSON.stringify(view)).not.toContain('p1');
    }
  });

  it('filters hidden ideas out', () => {
    expect(visibleIdeas([idea, { ...idea, id: 'x', hidden: true }])).toEqual([idea]);
  });
});

describe('upsertIdea', () => {
  const a: IdeaView = { id: 'a', siteId: 's', text: 'A', createdAt: 2 };
  const b: IdeaView = { id: 'b', siteId: 's', text: 'B', createdAt: 1 };
  it('inserts in posting order and replaces by id', () => {
    expect(upsertIdea(upsertIdea([], a), b).map((idea) => idea.id)).toEqual(['b', 'a']);
    expect(upsertIdea([a, b], { ...a, text: 'A2' }).find((idea) => idea.id === 'a')?.text).toBe('A2');
    expect(upsertIdea([a, a], a)).toHaveLength(1);
  });
  it('keeps "mine" when a broadcast of the same idea arrives', () => {
    expect(upsertIdea([{ ...a, mine: true }], a)[0]).toMatchObject({ mine: true });
  });
});
