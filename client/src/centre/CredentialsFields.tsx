import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface CredentialsFieldsProps {
  login: string;
  password: string;
  onLogin: (value: string) => void;
  onPassword: (value: string) => void;
  /** A new password: says how long it must be and lets the browser suggest one. */
  creating: boolean;
  loginLabel?: string;
}

export function CredentialsFields({ login, password, onLogin, onPassword, creating, loginLabel }: CredentialsFieldsProps) {
  const { t } = useTranslation();
  const loginId = useId();
  const passwordId = useId();
  const hintId = useId();
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={loginId}>
          {loginLabel ?? t('centre.login')}
        </label>
        <input
          id={loginId}
          className="input"
          name="username"
          autoComplete="username"
          value={login}
          onChange={(event) => onLogin(event.target.value)}
          data-testid="centre-login"
          required
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={passwordId}>
          {t('centre.password')}
        </label>
        {creating && (
          <p id={hintId} className="hint">
            {t('centre.passwordHint')}
          </p>
        )}
        <input
          id={passwordId}
          className="input"
          type="password"
          name="password"
          autoComplete={creating ? 'new-password' : 'current-password'}
          minLength={creating ? 10 : undefined}
          aria-describedby={creating ? hintId : undefined}
          value={password}
          onChange={(event) => onPassword(event.target.value)}
          data-testid="centre-password"
          required
        />
      </div>
    </>
  );
}
