import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { refusalMessage } from '../centre/refusal';
import { PurposeBlock } from '../components/PurposeBlock';
import { allWords } from '../i18n';
import { renderWithWords, textOf } from '../test/renderWithWords';
import { IdeaComposer } from '../ideas/IdeaComposer';
import { joinCodeProblem } from './joinErrors';
import { MoodPicker } from './MoodPicker';
import { MyIdeaItem } from '../ideas/MyIdeaItem';

const i18next = (await import('i18next')).default;
await i18next.init({ resources: {}, lng: 'fr', initAsync: false });

const noop = () => undefined;

describe('what the phone, the helper and the centre say (issue 19, words)', () => {
  it("speaks to the table helper about the person's idea, never as if they were the resident", async () => {
    const text = textOf(
      await renderWithWords(
        <>
          <MoodPicker value={null} onChange={noop} audience="helper" />
          <IdeaComposer value="" onChange={noop} onSend={noop} audience="helper" />
        </>,
      ),
    );
    expect(text).toContain('L’idée de la personne');
    expect(text).toContain('Comment la personne se sent aujourd’hui ?');
    expect(text).not.toContain('Ton idée');
    expect(text).not.toContain('Personne ne saura que c’est toi');
    expect(text).not.toContain('mon idée');
    // The resident's own page keeps speaking to them.
    const resident = textOf(await renderWithWords(<IdeaComposer value="" onChange={noop} onSend={noop} />));
    expect(resident).toContain('Ton idée');
  });

  it('says an idea held back by the per-minute limit is held, with the wait, not "en attente du réseau"', async () => {
    const retryAt = Date.now() + 42_000;
    const text = textOf(
      await renderWithWords(<MyIdeaItem idea={{ id: 'i1', text: 'Un banc', state: 'pending', notice: 'rate_limited', retryAt }} onRetake={noop} />),
    );
    expect(text).toMatch(/Retenue : beaucoup d’idées en une minute\. Elle part toute seule dans 4[12] secondes\./);
    expect(text).not.toContain('en attente du réseau');
    const waiting = textOf(await renderWithWords(<MyIdeaItem idea={{ id: 'i2', text: 'Un banc', state: 'pending' }} onRetake={noop} />));
    expect(waiting).toContain('en attente du réseau');
  });

  it('tells a wrong 6-character join code that it does not exist, a code of another length that it has 6', () => {
    expect(joinCodeProblem('KP7WQ0')).toBe('unknown'); // 0 is never in a code
    expect(joinCodeProblem('kp7-wqo')).toBe('unknown');
    expect(joinCodeProblem('KP7W')).toBe('length');
    expect(joinCodeProblem('KP7WQ3')).toBeNull();
  });

  it("tells the real wait of the centre-creation limit, from the limiter's reset time", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { fr: { translation: await allWords('fr') } }, lng: 'fr', initAsync: false });
    expect(refusalMessage(i18n.t, new ApiError('rate_limited', 429, 'too many', 125_000), 'account')).toBe('Trop d’essais. Réessaie dans 3 minutes.');
    expect(refusalMessage(i18n.t, new ApiError('rate_limited', 429, 'too many', 20_000), 'account')).toBe('Trop d’essais. Réessaie dans 1 minute.');
    expect(refusalMessage(i18n.t, new ApiError('rate_limited', 429, 'too many', 59 * 60_000), 'account')).toBe('Trop d’essais. Réessaie dans 59 minutes.');
  });

  it('does not say the purpose twice when the facilitator typed the lead-in', async () => {
    const text = textOf(await renderWithWords(<PurposeBlock purpose="Votre participation servira à choisir une invention." testId="p" />));
    expect(text.match(/participation servira/g)).toHaveLength(1);
    expect(text).toContain('choisir une invention.');
  });
});
