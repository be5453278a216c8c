interface CodeInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string | undefined;
  testId: string;
}

/**
 * A box to type a join or card code: capitals, no autocorrect or spell check, a "go" key.
 * What is typed is normalised (case, spaces, dashes) by the form that reads it.
 */
export function CodeInput({ id, value, onChange, invalid, describedBy, testId }: CodeInputProps) {
  return (
    <input
      id={id}
      className="input input--code"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      inputMode="text"
      enterKeyHint="go"
      aria-invalid={invalid}
      aria-describedby={describedBy}
      data-testid={testId}
    />
  );
}
