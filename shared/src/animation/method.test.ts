import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../constants';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID, checkPhases, movePhase, newPhaseId, type PhaseSpec } from './method';

const base: PhaseSpec = { id: 'idees', title: ' Idées ', instruction: 'Écris  une idée', activity: 'ideas', durationSec: 600, silentSec: 60 };

describe('method templates', () => {
  it('follows the field method by default, with a silent time before sharing ideas', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === DEFAULT_TEMPLATE_ID)!;
    expect(template.phases.map((phase) => phase.activity)).toEqual([
      'welcome',
      'watch',
      'journey',
      'ideas',
      'matrix',
      'vote',
      'watch',
      'watch',
      'questionnaire',
    ]);
    expect(template.phases.find((phase) => phase.activity === 'ideas')!.silentSec).toBeGreaterThan(0);
    expect(BUILT_IN_TEMPLATES.map((t) => t.name)).toEqual(['Atelier co-design', 'Vote rapide', 'Cartes sur table', 'Bilan']);
  });

  it('never says "prototype" or "hackathon" to residents', () => {
    for (const phase of BUILT_IN_TEMPLATES.flatMap((t) => t.phases)) {
      expect(`${phase.title} ${phase.instruction}`).not.toMatch(/prototype|hackathon/i);
    }
  });

  it('every built-in template passes its own checks', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(checkPhases(template.phases)).toEqual(template.phases);
  });
});

describe('checkPhases', () => {
  it('normalises titles and instructions', () => {
    expect(checkPhases([base])).toEqual([{ ...base, title: 'Idées', instruction: 'Écris une idée' }]);
  });

  it('drops a silent time from phases that are not for ideas', () => {
    expect(checkPhases([{ ...base, activity: 'watch' }])).toMatchObject([{ silentSec: 0 }]);
  });

  it('refuses empty titles, repeated ids, bad durations and too many phases', () => {
    expect(checkPhases([{ ...base, title: '  ' }])).toMatchObject({ error: ErrorCode.BadRequest });
    expect(checkPhases([base, base])).toMatchObject({ error: ErrorCode.BadRequest });
    expect(checkPhases([{ ...base, id: 'Pas Bon' }])).toMatchObject({ error: ErrorCode.BadRequest });
    expect(checkPhases([{ ...base, durationSec: -1 }])).toMatchObject({ error: ErrorCode.BadRequest });
    expect(checkPhases([{ ...base, silentSec: 600 }])).toMatchObject({ error: ErrorCode.BadRequest });
    expect(checkPhases([{ ...base, title: 'x'.repeat(61) }])).toMatchObject({ error: ErrorCode.TooLarge });
    expect(checkPhases(Array.from({ length: 31 }, (_, i) => ({ ...base, id: `p-${i}` })))).toMatchObject({ error: ErrorCode.TooLarge });
    expect(checkPhases([])).toEqual([]);
  });

  it('adds and reorders phases', () => {
    expect(newPhaseId([{ id: 'phase-2' }, { id: 'x' }])).toBe('phase-3');
    expect(movePhase(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(movePhase(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
