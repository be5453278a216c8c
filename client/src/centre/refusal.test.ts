import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import ar from '../i18n/ar/resident';
import en from '../i18n/en/resident';
import frResident from '../i18n/fr/resident';
import { refusalMessage } from './refusal';

describe("the phone's message when erasure is closed", () => {
  it('tells the resident why and what to do instead, in French, English and Arabic', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { fr: { translation: frResident }, en: { translation: en }, ar: { translation: ar } }, lng: 'fr', initAsync: false });
    const refusal = new ApiError('erase_closed', 409, "this workshop's briefs are published");
    const fr = refusalMessage(i18n.t, refusal);
    expect(fr).toMatch(/déjà publié/);
    expect(fr).toMatch(/demande à l'animateur/);
    expect(fr).not.toMatch(/errors\./);
    await i18n.changeLanguage('en');
    expect(refusalMessage(i18n.t, refusal)).toMatch(/ask the workshop's facilitator/);
    await i18n.changeLanguage('ar');
    expect(refusalMessage(i18n.t, refusal)).toMatch(/منشّط الورشة/);
  });
});
