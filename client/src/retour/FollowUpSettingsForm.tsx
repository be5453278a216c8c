import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, type FollowUpSettings } from '@gommette/shared';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { saveFollowUp } from './retourApi';

interface Props {
  workshopId: string;
  token: string;
  settings: FollowUpSettings;
  onSaved: (settings: FollowUpSettings) => void;
}

/** Marks the workshop as over (its join link then opens the follow-up page) and sets the next meeting. */
export function FollowUpSettingsForm({ workshopId, token, settings, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [nextMeeting, setNextMeeting] = useState(settings.nextMeeting ?? '');
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const save = (body: { finished?: boolean; nextMeeting?: string | null }) => {
    setBusy(true);
    setError(null);
    saveFollowUp(workshopId, token, body)
      .then(onSaved, (failure: unknown) => setError(errorCodeOf(failure)))
      .finally(() => setBusy(false));
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save({ nextMeeting: nextMeeting.trim() === '' ? null : nextMeeting });
  };

  return (
    <section className="console-panel" data-testid="follow-up-settings">
      <h3>{t('retour.followUpHeading')}</h3>
      {settings.finishedAt === null ? (
        <>
          <p>{t('retour.finishHint')}</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => save({ finished: true })} data-testid="finish-workshop">
            {t('retour.finish')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="workshop-finished">{t('retour.finishedAt', { date: formatDay(settings.finishedAt, i18n.language) })}</p>
          <button type="button" className="button" disabled={busy} onClick={() => save({ finished: false })}>
            {t('retour.reopen')}
          </button>
        </>
      )}
      <form onSubmit={handleSubmit} className="retour-form">
        <label>
          {t('retour.nextMeeting')}
          <input
            className="input"
            value={nextMeeting}
            maxLength={200}
            onChange={(event) => setNextMeeting(event.target.value)}
            placeholder={t('retour.nextMeetingPlaceholder')}
            data-testid="next-meeting"
          />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t('retour.save')}
        </button>
      </form>
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
    </section>
  );
}
