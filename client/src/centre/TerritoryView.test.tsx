import { territoryFigures } from '@gommette/shared';
import { describe, expect, it } from 'vitest';
import { renderWithWords, textOf } from '../test/renderWithWords';
import { TerritoryView } from './TerritoryView';

const i18next = (await import('i18next')).default;
await i18next.init({ resources: {}, lng: 'fr', initAsync: false });

describe('the territory view', () => {
  it('says that no centre shares its figures instead of a table of "< 5"', async () => {
    const html = await renderWithWords(<TerritoryView territory={territoryFigures([])} />);
    expect(html).toContain('data-testid="territory-none"');
    expect(textOf(html)).toContain('Aucun centre ne partage encore ses chiffres');
    expect(html).not.toContain('data-testid="territory"');
    expect(textOf(html)).not.toContain('< 5');
  });
});
