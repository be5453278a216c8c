import { describe, expect, it } from 'vitest';
import { isEarlierInScope, isReturning, type WorkshopScope } from './returning';

const now: WorkshopScope = { workshopId: 'w2', createdAt: 2_000, centreId: 'soleil' };

describe('returning participants', () => {
  it('counts a card of an earlier workshop of the same centre', () => {
    expect(isReturning(now, [{ workshopId: 'w1', createdAt: 1_000, centreId: 'soleil' }])).toBe(true);
  });

  it('ignores unknown cards, this workshop, later workshops and other centres', () => {
    expect(isReturning(now, [])).toBe(false);
    expect(isReturning(now, [null, null])).toBe(false);
    expect(isEarlierInScope(now, { ...now })).toBe(false);
    expect(isEarlierInScope(now, { workshopId: 'w3', createdAt: 3_000, centreId: 'soleil' })).toBe(false);
    expect(isEarlierInScope(now, { workshopId: 'w0', createdAt: 2_000, centreId: 'soleil' })).toBe(false);
    expect(isEarlierInScope(now, { workshopId: 'w1', createdAt: 1_000, centreId: 'lune' })).toBe(false);
    expect(isEarlierInScope(now, { workshopId: 'w1', createdAt: 1_000, centreId: null })).toBe(false);
  });

  it('outside any centre, counts earlier workshops outside a centre', () => {
    const solo: WorkshopScope = { workshopId: 's2', createdAt: 2_000, centreId: null };
    expect(isReturning(solo, [null, { workshopId: 's1', createdAt: 1_000, centreId: null }])).toBe(true);
    expect(isReturning(solo, [{ workshopId: 'w1', createdAt: 1_000, centreId: 'soleil' }])).toBe(false);
  });
});
