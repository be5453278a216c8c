import { BUILT_IN_TEMPLATES } from '@gommette/shared';
import { describe, expect, it } from 'vitest';
import { appendPhase, checkDraftMethod, chooseTemplate, FREE_WALL, initialMethod, removePhase, shiftPhase, totalMinutes, updatePhase } from './draftMethod';

const t = (key: string, options: { number: number }) => `${key} ${options.number}`;

describe('the method as the start page edits it', () => {
  it('starts on the co-design method, whose steps last 2 h 40', () => {
    const method = initialMethod();
    expect(method.templateId).toBe('co-design');
    expect(method.phases).toHaveLength(9);
    expect(totalMinutes(method.phases)).toBe(160);
  });

  it('keeps the steps adjusted on a card when another card is tried, then brings them back', () => {
    const adjusted = updatePhase(initialMethod(), 'ideation', { title: 'Nos idées', minutes: '30' });
    const quick = chooseTemplate(adjusted, 'vote-rapide', BUILT_IN_TEMPLATES);
    expect(quick.phases.map((phase) => phase.id)).toEqual(['accueil', 'idees', 'vote']);
    const free = chooseTemplate(quick, FREE_WALL, BUILT_IN_TEMPLATES);
    expect(free.phases).toEqual([]);
    const back = chooseTemplate(free, 'co-design', BUILT_IN_TEMPLATES);
    expect(back.phases.find((phase) => phase.id === 'ideation')).toMatchObject({ title: 'Nos idées', minutes: '30' });
    expect(totalMinutes(back.phases)).toBe(165);
  });

  it('adds, moves and removes steps by id', () => {
    const { method, phaseId } = appendPhase(chooseTemplate(initialMethod(), 'vote-rapide', BUILT_IN_TEMPLATES), 'Nouvelle étape');
    expect(phaseId).toBe('phase-4');
    const moved = shiftPhase(method, phaseId, -1);
    expect(moved.phases.map((phase) => phase.id)).toEqual(['accueil', 'idees', 'phase-4', 'vote']);
    expect(shiftPhase(moved, 'accueil', -1).phases.map((phase) => phase.id)).toEqual(['accueil', 'idees', 'phase-4', 'vote']);
    expect(removePhase(moved, 'idees').phases.map((phase) => phase.id)).toEqual(['accueil', 'phase-4', 'vote']);
  });

  it('sends seconds, or says which steps are not right yet (by step id, numbered as shown)', () => {
    const quick = chooseTemplate(initialMethod(), 'vote-rapide', BUILT_IN_TEMPLATES);
    const sent = checkDraftMethod({ ...quick, tableCount: '3' }, t);
    expect(sent).toMatchObject({ tableCount: 3, safeMode: false });
    expect('phases' in sent && sent.phases[1]).toMatchObject({ id: 'idees', durationSec: 900, silentSec: 180 });

    const wrong = updatePhase(updatePhase(quick, 'accueil', { title: '  ' }), 'idees', { minutes: '3', silentMinutes: '3' });
    expect(checkDraftMethod(wrong, t)).toEqual({ problems: { accueil: 'method.phaseTitleRequired 1', idees: 'method.phaseSilentTooLong 2' } });
  });
});
