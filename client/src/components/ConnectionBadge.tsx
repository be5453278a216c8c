import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../socket/useConnectionStatus';

interface ConnectionBadgeProps {
  state: ConnectionState;
  /** Residents are told their ideas will leave later; staff just see that it reconnects. */
  audience: 'resident' | 'staff';
}

export function ConnectionBadge({ state, audience }: ConnectionBadgeProps) {
  const { t } = useTranslation();
  const online = state === 'online';
  const label =
    state === 'online'
      ? t('connection.online')
      : state === 'connecting'
        ? t('connection.connecting')
        : audience === 'resident'
          ? t('connection.offline')
          : t('connection.offlineStaff');

  return (
    <p className={`connection-badge connection-badge--${state}`} role="status" aria-live="polite" data-testid="connection-status" data-online={String(online)}>
      <span className="connection-badge__dot" aria-hidden="true" />
      {label}
    </p>
  );
}
