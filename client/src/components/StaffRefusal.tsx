import { ErrorCode } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../api/errors';
import { ErrorPanel } from './ErrorPanel';
import { errorMessage } from './errorMessage';

interface StaffRefusalProps {
  /** `null`: the link had no key at all. */
  code: ClientErrorCode | null;
}

/** Why a console or screen cannot open, in words a facilitator can act on. */
export function StaffRefusal({ code }: StaffRefusalProps) {
  const { t } = useTranslation();
  const message =
    code === null
      ? t('staff.missingKey')
      : code === ErrorCode.Unauthorized || code === ErrorCode.NotFound
        ? t('staff.invalidKey')
        : code === ErrorCode.Forbidden
          ? t('staff.forbidden')
          : errorMessage(t, code);
  return (
    <main className="page page--narrow">
      <ErrorPanel message={message} reload={code === ErrorCode.ProtocolMismatch}>
        <p>
          <a href="/">{t('app.home')}</a>
        </p>
      </ErrorPanel>
    </main>
  );
}
