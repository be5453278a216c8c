import { ArrowRight } from 'lucide-react';
import { normalizeJoinCode } from '@gommette/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { CodeInput } from '../components/CodeInput';
import { joinCodeProblem, joinCodeProblemMessage } from './joinErrors';

/** For someone who cannot scan: type the code shown on the screen. */
export function EnterCodeForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState('');
  /** `length`: not 6 letters or digits; `unknown`: 6 of them, but no workshop can have this code. */
  const [invalid, setInvalid] = useState<false | 'length' | 'unknown'>(false);
  const inputId = useId();
  const errorId = useId();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = normalizeJoinCode(typed);
    if (!code) {
      setInvalid(joinCodeProblem(typed) ?? 'length');
      return;
    }
    navigate(`/j/${code}`);
  };

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <label className="field-label" htmlFor={inputId}>
        {t('join.codeLabel')}
      </label>
      <CodeInput
        id={inputId}
        value={typed}
        onChange={(value) => {
          setTyped(value);
          setInvalid(false);
        }}
        invalid={invalid !== false}
        describedBy={invalid ? errorId : undefined}
        testId="join-code-input"
      />
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {joinCodeProblemMessage(t, invalid)}
        </p>
      )}
      <button type="submit" className="button button--primary">
        <ArrowRight aria-hidden="true" className="icon icon--flip" />
        {t('join.codeSubmit')}
      </button>
    </form>
  );
}
