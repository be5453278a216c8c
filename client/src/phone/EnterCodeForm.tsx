import { normalizeJoinCode } from '@gommette/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';

/** For someone who cannot scan: type the code shown on the screen. */
export function EnterCodeForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = normalizeJoinCode(typed);
    if (!code) {
      setInvalid(true);
      return;
    }
    navigate(`/j/${code}`);
  };

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <label className="field-label" htmlFor={inputId}>
        {t('join.codeLabel')}
      </label>
      <input
        id={inputId}
        className="input input--code"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setInvalid(false);
        }}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        enterKeyHint="go"
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        data-testid="join-code-input"
      />
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t('join.codeInvalid')}
        </p>
      )}
      <button type="submit" className="button button--primary">
        <span aria-hidden="true">➡️ </span>
        {t('join.codeSubmit')}
      </button>
    </form>
  );
}
