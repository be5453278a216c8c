import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, domainError, type Brief } from '@gommette/shared';
import type { RetourStore } from './RetourStore';

export interface RetourHarness {
  retour: RetourStore;
  /** Two workshops that exist in the store. */
  workshopIds: [string, string];
  /** Closes and opens the store again on the same data. */
  reopen(): Promise<RetourStore>;
  close(): Promise<void>;
}

export function briefFixture(id: string, workshopId: string, createdAt = 1): Brief {
  const source = { kind: 'workshop', field: 'question' } as const;
  return {
    id,
    workshopId,
    title: `Fiche ${id}`,
    prefilled: {
      question: { text: 'Q ?', source },
      purpose: { text: 'P', source: { kind: 'workshop', field: 'purpose' } },
      persona: null,
      needsBySteps: [],
      ideas: [],
    },
    fields: { solution: '', builders: '', nextSteps: [], unsure: '' },
    status: 'chosen',
    timeline: [{ status: 'chosen', at: createdAt, reason: null }],
    news: [],
    createdAt,
    updatedAt: createdAt,
  };
}

/** The RetourStore contract: every adapter runs it. */
export function retourStoreContract(name: string, open: () => Promise<RetourHarness>): void {
  describe(`RetourStore contract (${name})`, () => {
    let harness: RetourHarness;
    afterEach(async () => {
      await harness?.close();
    });

    it('inserts briefs idempotently and lists them per workshop, oldest first', async () => {
      harness = await open();
      const [a, b] = harness.workshopIds;
      await harness.retour.insertBrief(briefFixture('brief-2', a, 2));
      await harness.retour.insertBrief(briefFixture('brief-1', a, 1));
      await harness.retour.insertBrief(briefFixture('brief-3', b, 1));
      const again = await harness.retour.insertBrief({ ...briefFixture('brief-1', a, 1), title: 'autre' });
      expect(again.title).toBe('Fiche brief-1');
      expect((await harness.retour.listBriefs(a)).map((brief) => brief.id)).toEqual(['brief-1', 'brief-2']);
      expect(await harness.retour.countBriefs(a)).toBe(2);
      expect(await harness.retour.getBrief(b, 'brief-1')).toBeNull();
    });

    it('updates in one step, keeps refusals unwritten, and survives a reopen', async () => {
      harness = await open();
      const [a] = harness.workshopIds;
      await harness.retour.insertBrief(briefFixture('brief-1', a));
      const updated = await harness.retour.updateBrief(a, 'brief-1', (brief) => ({ ...brief, title: 'Nouveau', updatedAt: 5 }));
      expect(updated).toMatchObject({ title: 'Nouveau' });
      expect(await harness.retour.updateBrief(a, 'brief-1', () => domainError(ErrorCode.BadRequest, 'no'))).toMatchObject({ error: ErrorCode.BadRequest });
      expect(await harness.retour.updateBrief(a, 'nope', (brief) => brief)).toBeNull();
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          harness.retour.updateBrief(a, 'brief-1', (brief) => ({ ...brief, news: [...brief.news, { id: `n${index}`, text: 'x', at: index }] })),
        ),
      );
      const reopened = await harness.reopen();
      const stored = await reopened.getBrief(a, 'brief-1');
      expect(stored?.title).toBe('Nouveau');
      expect(stored?.news).toHaveLength(10);
    });

    it('keeps follow-up settings per workshop', async () => {
      harness = await open();
      const [a, b] = harness.workshopIds;
      expect(await harness.retour.getFollowUp(a)).toEqual({ finishedAt: null, nextMeeting: null });
      await harness.retour.updateFollowUp(a, () => ({ finishedAt: 10, nextMeeting: 'mardi' }));
      expect(await harness.retour.updateFollowUp(a, (current) => ({ ...current, nextMeeting: null }))).toEqual({ finishedAt: 10, nextMeeting: null });
      expect(await harness.retour.getFollowUp(b)).toEqual({ finishedAt: null, nextMeeting: null });
    });
  });
}
