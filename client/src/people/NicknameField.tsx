import { Dices } from 'lucide-react';
import { suggestPseudonym } from '@gommette/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface NicknameFieldProps {
  value: string;
  onChange: (nickname: string) => void;
}

/** An optional pseudonym, pre-filled with an animal so nobody has to give a name. */
export function NicknameField({ value, onChange }: NicknameFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();

  const handleAnother = () => onChange(suggestPseudonym());

  return (
    <div className="nickname">
      <label className="field-label" htmlFor={inputId}>
        {t('join.nicknameLabel')}
      </label>
      <p id={hintId} className="hint">
        {t('join.nicknameHint')}
      </p>
      <div className="nickname__row">
        <input
          id={inputId}
          className="input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          autoCapitalize="words"
          enterKeyHint="done"
          aria-describedby={hintId}
          data-testid="nickname"
        />
        <button type="button" className="button button--secondary nickname__another" onClick={handleAnother} aria-label={t('join.anotherNicknameLabel')}>
          <Dices aria-hidden="true" className="icon" />
          {t('join.anotherNickname')}
        </button>
      </div>
    </div>
  );
}
