import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  placeholder?: string;
  hint?: string;
  error?: string | null;
  multiline?: boolean;
  name: string;
}

/** A labelled input or textarea with its hint and its error, wired for screen readers. */
export function TextField({ label, value, onChange, testId, placeholder, hint, error, multiline = false, name }: TextFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: inputId,
    name,
    value,
    placeholder,
    className: `input${multiline ? ' input--multiline' : ''}`,
    'aria-invalid': Boolean(error),
    'aria-describedby': describedBy,
    'data-testid': testId,
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
