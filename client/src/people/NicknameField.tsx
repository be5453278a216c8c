import { Dices, Pencil } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface NicknameFieldProps {
  value: string;
  onChange: (nickname: string) => void;
  /** "un autre": a new suggestion, in the page's language. */
  onAnother: () => void;
}

/**
 * An optional pseudonym, pre-filled with an animal so nobody has to give a name. Shown as one
 * line ("Ton pseudo : Loutre curieuse", "Changer") so "C'est parti" stays in the first screen;
 * "Changer" opens the box, the hint and "un autre".
 */
export function NicknameField({ value, onChange, onAnother }: NicknameFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [editing, setEditing] = useState(false);

  if (!editing) {
    return (
      <div className="nickname nickname--line">
        <p className="nickname__line" id={hintId}>
          <span className="field-label">{t('join.nicknameLine')}</span>{' '}
          <strong dir="auto" data-testid="nickname-shown">
            {value}
          </strong>
        </p>
        <button type="button" className="button button--secondary nickname__change" onClick={() => setEditing(true)} aria-describedby={hintId}>
          <Pencil aria-hidden="true" className="icon" />
          {t('join.changeNickname')}
        </button>
      </div>
    );
  }

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
          // Opened by "Changer": the box is what the person asked for.
          autoFocus
        />
        <button type="button" className="button button--secondary nickname__another" onClick={onAnother} aria-label={t('join.anotherNicknameLabel')}>
          <Dices aria-hidden="true" className="icon" />
          {t('join.anotherNickname')}
        </button>
      </div>
    </div>
  );
}
