import { describe, expect, it } from 'vitest';
import { validateDraft } from './validateDraft';

const draft = {
  title: 'Atelier',
  question: 'Comment ?',
  purpose: 'Choisir une invention',
  sites: [
    { key: 'a', name: ' Centre social ' },
    { key: 'b', name: '' },
  ],
};

describe('validateDraft', () => {
  it('builds the body with the shared normalisation and drops blank extra sites', () => {
    expect(validateDraft(draft)).toEqual({
      ok: true,
      body: { title: 'Atelier', question: 'Comment ?', purpose: 'Choisir une invention', sites: [{ name: 'Centre social' }] },
    });
  });
  it('reports, field by field, what the server would refuse', () => {
    const result = validateDraft({
      ...draft,
      purpose: '  ',
      title: 'x'.repeat(121),
      sites: [
        { key: 'a', name: 'Ici' },
        { key: 'b', name: ' ICI ' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      problems: { fields: { purpose: { kind: 'required' }, title: { kind: 'tooLong', max: 120 } }, sites: { b: { kind: 'duplicate' } } },
    });
  });
});
