import { MOODS, type Mood } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { MoodIcon } from './MoodIcon';

interface MoodPickerProps {
  value: Mood | null;
  onChange: (mood: Mood) => void;
  /** `helper`: a table helper picks the weather of the person they help. */
  audience?: 'self' | 'helper';
}

/** The "météo": five big weather buttons, one tap, no name. */
export function MoodPicker({ value, onChange, audience = 'self' }: MoodPickerProps) {
  const { t } = useTranslation();
  const helper = audience === 'helper';
  return (
    <fieldset className="mood-picker">
      <legend className="mood-picker__legend">{t(helper ? 'helper.moodHeading' : 'join.moodHeading')}</legend>
      <p className="hint">{t(helper ? 'helper.moodHint' : 'join.moodHint')}</p>
      <div className="mood-picker__options">
        {MOODS.map((mood) => (
          <button key={mood} type="button" className="mood-button" aria-pressed={value === mood} data-testid={`mood-${mood}`} onClick={() => onChange(mood)}>
            <span className="mood-button__emoji" aria-hidden="true">
              <MoodIcon mood={mood} />
            </span>
            <span className="mood-button__label">{t(`moods.${mood}`)}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
