import { MAX_IDEA_CHARS, measureIdeaText } from '@gommette/shared';
import { useId, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** The counter turns to a warning colour this close to the limit. */
const NEAR_LIMIT_CHARS = 20;

interface IdeaComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** One box, one big button. Enter sends (Shift+Enter for a new line); dictation works. */
export function IdeaComposer({ value, onChange, onSend, textareaRef }: IdeaComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const counterId = useId();
  // The server's own rule: what this lets through, the server accepts.
  const { text, chars: count, fits } = measureIdeaText(value);
  const empty = text.length === 0;
  const over = !fits;
  const near = !over && count >= MAX_IDEA_CHARS - NEAR_LIMIT_CHARS;
  const canSend = !empty && !over;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (canSend) onSend();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <form className="composer" onSubmit={handleSubmit}>
      <label className="field-label composer__label" htmlFor={inputId}>
        <span aria-hidden="true">💡 </span>
        {t('phone.ideaLabel')}
      </label>
      <p className="hint">{t('phone.ideaHint')}</p>
      <textarea
        id={inputId}
        ref={textareaRef}
        className="input composer__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
        placeholder={t('phone.ideaPlaceholder')}
        rows={4}
        dir="auto"
        spellCheck
        enterKeyHint="send"
        autoComplete="off"
        autoCapitalize="sentences"
        aria-describedby={counterId}
        aria-invalid={over}
        data-testid="idea-input"
      />
      <div className="composer__meta">
        <p id={counterId} className={`counter${over ? ' counter--over' : near ? ' counter--near' : ''}`} data-testid="idea-counter">
          {t('phone.counter', { count, max: MAX_IDEA_CHARS })}
        </p>
        {over && (
          <p className="error-text" role="alert">
            {t('phone.tooLong')}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary button--huge" disabled={!canSend} data-testid="idea-submit">
        <span aria-hidden="true">📨 </span>
        {t('phone.submit')}
      </button>
    </form>
  );
}
