import { formatDay, type CentreSpace, type InvitationResponse, type MemberView } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { CopyLinkButton } from '../components/CopyLinkButton';
import { centreApi } from './api';
import { refusalMessage } from './refusal';

/** Admins: the members, an invitation link, and removal (effective at once). */
export function TeamTab({ space, onChanged }: { space: CentreSpace; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [invitation, setInvitation] = useState<InvitationResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const handleInvite = async () => {
    setError(null);
    try {
      setInvitation(await centreApi.invite(space.centre.id));
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  const handleRemove = async (member: MemberView) => {
    if (!window.confirm(t('centre.team.confirmRemove', { login: member.login }))) return;
    setError(null);
    try {
      await centreApi.removeMember(space.centre.id, member.accountId);
      onChanged();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  return (
    <section className="centre-card stack" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('centre.team.heading')}</h2>
      {error && <AlertText>{error}</AlertText>}
      <ul className="centre-list" data-testid="members">
        {space.members.map((member) => (
          <li key={member.accountId} data-testid="member">
            <strong>{member.login}</strong> <span className="tag">{t(`centre.roles.${member.role}`)}</span>{' '}
            <span className="hint">{t('centre.team.since', { date: formatDay(member.since, i18n.language) })}</span>{' '}
            <button type="button" className="button button--secondary" onClick={() => void handleRemove(member)} data-testid={`remove-${member.login}`}>
              {t('centre.team.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--primary" onClick={() => void handleInvite()} data-testid="invite">
        {t('centre.team.invite')}
      </button>
      {invitation && (
        <div className="stack">
          <p>{t('centre.team.inviteLink')}</p>
          <p className="centre-link" data-testid="invite-url" translate="no">
            {invitation.inviteUrl}
          </p>
          <CopyLinkButton url={invitation.inviteUrl} />
        </div>
      )}
    </section>
  );
}
