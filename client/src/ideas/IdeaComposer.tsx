import { Lightbulb, Send } from 'lucide-react';
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
  /** `helper`: a table helper types someone else's idea, so the words speak of "the person". */
  audience?: 'self' | 'helper';
}

/** One box, one big button. Enter sends (Shift+Enter for a new line); dictation works. */
export function IdeaComposer({ value, onChange, onSend, textareaRef, audience = 'self' }: IdeaComposerProps) {
  const { t } = useTranslation();
  const words =
    audience === 'helper'
      ? ({ label: 'helper.ideaLabel', hint: 'helper.ideaHint', placeholder: 'helper.ideaPlaceholder', submit: 'helper.send' } as const)
      : ({ label: 'phone.ideaLabel', hint: 'phone.ideaHint', placeholder: 'phone.ideaPlaceholder', submit: 'phone.submit' } as const);
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
        <Lightbulb aria-hidden="true" className="icon" />
        {t(words.label)}
      </label>
      <p className="hint">{t(words.hint)}</p>
      <textarea
        id={inputId}
        ref={textareaRef}
        className="input composer__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
        placeholder={t(words.placeholder)}
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
        <Send aria-hidden="true" className="icon" />
        {t(words.submit)}
      </button>
    </form>
  );
}
