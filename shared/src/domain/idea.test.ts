import { describe, expect, it } from 'vitest';
import { ErrorCode, MAX_IDEA_CHARS } from '../constants';
import { ideaPaperPayload } from '../animation/protocol';
import { ideaPostPayload } from '../protocol';
import { isDomainError } from './errors';
import {
  checkIdeaText,
  isShown,
  measureIdeaText,
  moderateIdea,
  postIdea,
  resolveResend,
  toAuthorView,
  toFacilitatorView,
  toPublicView,
  upsertIdea,
  visibleIdeas,
  type Idea,
  type IdeaView,
} from './idea';

const author = { participantId: 'p1', workshopId: 'w1', siteId: 's1', tableId: 2 };

describe('postIdea', () => {
  it('builds the idea from normalised text', () => {
    expect(postIdea(author, { id: 'idea-000001', text: '  Manger   chaud ' }, 42)).toEqual({
      id: 'idea-000001',
      workshopId: 'w1',
      siteId: 's1',
      participantId: 'p1',
      text: 'Manger chaud',
      hidden: false,
      createdAt: 42,
      tableId: 2,
      phaseId: null,
      origin: 'phone',
      originalText: null,
      pending: false,
      parked: false,
      mergedInto: null,
      theme: null,
    });
    expect(postIdea(author, { id: 'idea-000001', text: 'x' }, 1, { phaseId: 'idees', origin: 'assisted', pending: true })).toMatchObject({
      phaseId: 'idees',
      origin: 'assisted',
      pending: true,
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
    expect(toPublicView(idea)).toEqual({
      id: idea.id,
      siteId: 's1',
      text: 'Un livre d’or',
      createdAt: 7,
      tableId: 2,
      phaseId: null,
      theme: null,
      parked: false,
    });
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

describe('moderation', () => {
  const idea = postIdea(author, { id: 'idea-000003', text: 'Une carte des douches' }, 7) as Idea;
  const other = { ...idea, id: 'idea-000004' };

  it('corrects the spelling and keeps what the resident wrote', () => {
    const edited = moderateIdea(idea, { type: 'edit', text: 'Une carte des douches publiques' }, null, []) as Idea;
    expect(edited).toMatchObject({ text: 'Une carte des douches publiques', originalText: 'Une carte des douches' });
    const again = moderateIdea(edited, { type: 'edit', text: 'Une carte' }, null, []) as Idea;
    expect(again.originalText).toBe('Une carte des douches');
    expect(moderateIdea(idea, { type: 'edit', text: '  ' }, null, [])).toMatchObject({ error: 'bad_request' });
  });

  it('merges duplicates into another idea of the same workshop, and undoes it', () => {
    const merged = moderateIdea(idea, { type: 'merge', into: other.id }, other, []) as Idea;
    expect(merged.mergedInto).toBe(other.id);
    expect(isShown(merged)).toBe(false);
    expect(moderateIdea(merged, { type: 'merge', into: null }, null, [])).toMatchObject({ mergedInto: null });
    expect(moderateIdea(idea, { type: 'merge', into: idea.id }, idea, [])).toMatchObject({ error: 'bad_request' });
    expect(moderateIdea(idea, { type: 'merge', into: 'x' }, { ...other, workshopId: 'w2' }, [])).toMatchObject({ error: 'not_found' });
    expect(moderateIdea(idea, { type: 'merge', into: other.id }, { ...other, mergedInto: 'z' }, [])).toMatchObject({ error: 'bad_request' });
  });

  it('groups into existing themes, parks and approves', () => {
    expect(moderateIdea(idea, { type: 'theme', theme: 'Se nourrir' }, null, ['Se nourrir'])).toMatchObject({ theme: 'Se nourrir' });
    expect(moderateIdea(idea, { type: 'theme', theme: 'Autre' }, null, ['Se nourrir'])).toMatchObject({ error: 'not_found' });
    expect(moderateIdea(idea, { type: 'park', parked: true }, null, [])).toMatchObject({ parked: true });
    const pending = { ...idea, pending: true };
    expect(isShown(pending)).toBe(false);
    expect(isShown(moderateIdea(pending, { type: 'approve' }, null, []) as Idea)).toBe(true);
  });
});

describe('upsertIdea', () => {
  const common = { tableId: null, phaseId: null, theme: null, parked: false };
  const a: IdeaView = { id: 'a', siteId: 's', text: 'A', createdAt: 2, ...common };
  const b: IdeaView = { id: 'b', siteId: 's', text: 'B', createdAt: 1, ...common };
  it('inserts in posting order and replaces by id', () => {
    expect(upsertIdea(upsertIdea([], a), b).map((idea) => idea.id)).toEqual(['b', 'a']);
    expect(upsertIdea([a, b], { ...a, text: 'A2' }).find((idea) => idea.id === 'a')?.text).toBe('A2');
    expect(upsertIdea([a, a], a)).toHaveLength(1);
  });
  it('keeps "mine" when a broadcast of the same idea arrives', () => {
    expect(upsertIdea([{ ...a, mine: true }], a)[0]).toMatchObject({ mine: true });
  });
});

describe('one length rule for an idea, phone and server', () => {
  const family = '👨‍👩‍👧‍👦';
  it('200 family emoji (2,200 UTF-16 units) fit, and pass the wire schema and the domain check', () => {
    const text = family.repeat(200);
    expect(text.length).toBe(2200);
    const measure = measureIdeaText(text);
    expect(measure).toMatchObject({ chars: 200, fits: true });
    expect(ideaPostPayload.safeParse({ id: 'abcdefghijkl', text }).success).toBe(true);
    expect(ideaPaperPayload.safeParse({ id: 'abcdefghijkl', text, siteId: 'site-1', tableId: null }).success).toBe(true);
    expect(checkIdeaText(text)).toBe(text);
  });
  it('201 emoji do not fit, on either side', () => {
    const text = family.repeat(201);
    expect(measureIdeaText(text).fits).toBe(false);
    expect(checkIdeaText(text)).toMatchObject({ error: ErrorCode.TooLarge });
  });
  it('whatever the wire schema lets through, the measure and the domain check agree on', () => {
    const samples = ['a'.repeat(200), 'a'.repeat(201), 'e\u0301'.repeat(200), '🇫🇷'.repeat(200), 'a' + '\u0301'.repeat(3300), ' '.repeat(3300) + 'a'];
    for (const text of samples) {
      const fits = measureIdeaText(text).fits;
      expect(typeof checkIdeaText(text) === 'string').toBe(fits);
      if (fits) expect(ideaPostPayload.safeParse({ id: 'abcdefghijkl', text }).success).toBe(true);
    }
  });
});
