/** A labelled select over a closed list of values. */
export function Select<T extends string>(props: {
  name: string;
  label: string;
  value: T | '';
  options: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T) => void;
  /** An empty first option, so that nothing is chosen for the officer. */
  placeholder?: string;
  error?: string | undefined;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select
        id={`f-${props.name}`}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        onChange={(e) => {
          const chosen = props.options.find((o) => o === e.currentTarget.value);
          if (chosen) props.onChange(chosen);
        }}
      >
        {props.placeholder !== undefined && (
          <option value="" disabled>
            {props.placeholder}
          </option>
        )}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labelOf(option)}
          </option>
        ))}
      </select>
      {props.error && <small class="field-error">{props.error}</small>}
    </div>
  );
}

/** A labelled text area with its field error. */
export function TextArea(props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <textarea
        id={`f-${props.name}`}
        rows={3}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && <small class="field-error">{props.error}</small>}
    </div>
  );
}
