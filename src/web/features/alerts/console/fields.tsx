import { formatDateTime } from '../../../../common/i18n/format.js';
import { fromWallTime, toWallTime, zoneName } from '../../../../common/domain/zoned-time.js';
import { useI18n } from '../../../i18n/i18n.js';

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

/**
 * A date and time on the station's clock (WITA for a Makassar station, whatever zone the
 * officer's phone is set to), read back in the officer's language with weekday and zone.
 */
export function ZonedDateTime(props: {
  name: string;
  label: string;
  hint: string;
  value: string;
  timeZone: string;
  onInput: (value: string) => void;
  error?: string | undefined;
}) {
  const { locale } = useI18n();
  const id = `f-${props.name}`;
  const at = fromWallTime(props.value, props.timeZone);
  return (
    <div class="field">
      <label for={id}>
        {props.label} ({zoneName(props.timeZone)})
      </label>
      <input
        id={id}
        name={props.name}
        type="datetime-local"
        lang={locale}
        min={toWallTime(new Date(), props.timeZone)}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <small id={`${id}-hint`} class="hint" aria-live="polite">
        {at ? formatDateTime(at, locale, props.timeZone, 'full') : props.hint}
      </small>
      {props.error && (
        <small id={`${id}-error`} class="field-error">
          {props.error}
        </small>
      )}
    </div>
  );
}
