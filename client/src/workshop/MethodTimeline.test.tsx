import { BUILT_IN_TEMPLATES } from '@gommette/shared';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { chooseTemplate, initialMethod, updatePhase } from './draftMethod';
import { MethodCards } from './MethodCards';
import { MethodTimeline, type OpenStep } from './MethodTimeline';

await i18next.use(initReactI18next).init({ lng: 'fr', resources: { fr: { translation: {} } }, initAsync: false });

const quick = chooseTemplate(initialMethod(), 'vote-rapide', BUILT_IN_TEMPLATES);
const count = (html: string, text: string) => html.split(text).length - 1;

function timeline(open: OpenStep | null, problems: Record<string, string> = {}): string {
  return renderToStaticMarkup(
    <MethodTimeline method={quick} summary="Vote rapide" onChange={() => undefined} problems={problems} open={open} onOpen={() => undefined} />,
  );
}

describe('the method timeline', () => {
  it('shows every step as one line and no step form until one is opened', () => {
    const html = timeline(null);
    expect(count(html, 'data-testid="method-phase"')).toBe(3);
    expect(count(html, 'data-testid="phase-editor"')).toBe(0);
    expect(count(html, 'data-testid="phase-title-input"')).toBe(0);
    expect(count(html, 'aria-expanded="false"')).toBe(3);
  });

  it('opens one step alone, in its own line', () => {
    const html = timeline({ id: 'idees', focus: true });
    expect(count(html, 'data-testid="phase-editor"')).toBe(1);
    expect(count(html, 'data-testid="phase-title-input"')).toBe(1);
    expect(count(html, 'aria-expanded="true"')).toBe(1);
    const [, , ideas] = html.split('data-testid="method-phase"');
    expect(ideas).toContain('data-testid="phase-editor"');
    // Its silent time, as an ideas step.
    expect(ideas).toContain('data-testid="phase-silent-minutes"');
  });

  it('shows a step’s problem on its line when its form is closed', () => {
    const html = timeline(null, { vote: 'Donne un nom à l’étape 3.' });
    expect(html.split('data-testid="method-phase"')[3]).toContain('Donne un nom à l’étape 3.');
  });
});

describe('the method cards', () => {
  it('checks the chosen card and draws its steps as adjusted, with their total', () => {
    const adjusted = updatePhase(quick, 'idees', { title: 'Nos idées', minutes: '12' });
    const steps = adjusted.phases.map((phase) => ({ id: phase.id, title: phase.title, activity: phase.activity, minutes: Number(phase.minutes) }));
    const html = renderToStaticMarkup(<MethodCards templates={BUILT_IN_TEMPLATES} chosenId="vote-rapide" chosenSteps={steps} onChoose={() => undefined} />);
    expect(count(html, 'type="radio"')).toBe(BUILT_IN_TEMPLATES.length + 1);
    expect(count(html, 'checked=""')).toBe(1);
    const card = html.split('data-testid="method-card-vote-rapide"')[1]!.split('data-testid="method-card-')[0]!;
    expect(card).toContain('checked=""');
    expect(card).toContain('Accueil → Nos idées → Vote');
    expect(card).toContain('method.durationMinutes');
  });
});
