import { RefreshCw, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ErrorPanelProps {
  message: string;
  testId?: string;
  onRetry?: () => void;
  /** Offers a full reload (after an app update, or when a part of the app failed to load). */
  reload?: boolean;
  children?: ReactNode;
}

export function ErrorPanel({ message, testId = 'error', onRetry, reload, children }: ErrorPanelProps) {
  const { t } = useTranslation();
  return (
    <div className="error-panel" role="alert">
      <p className="error-panel__message" data-testid={testId}>
        <TriangleAlert aria-hidden="true" className="icon" />
        {message}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          <RefreshCw aria-hidden="true" className="icon" />
          {t('app.retry')}
        </button>
      )}
      {reload && (
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          <RefreshCw aria-hidden="true" className="icon" />
          {t('app.reload')}
        </button>
      )}
      {children}
    </div>
  );
}
