import type { ComponentChildren } from 'preact';
import { ApiError, OFFLINE_CODES } from '../api/client.js';
import { textOr, useI18n, type Translate } from '../i18n/i18n.js';

/** An API error's message (already in the user's language), or ours when offline. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  let text = t('web.error.unknown');
  if (error instanceof ApiError) {
    if (OFFLINE_CODES.has(error.code)) text = t('web.error.network');
    else if (error.message) text = error.message;
  }
  return (
    <p class="note note-error" role="alert">
      {text}
    </p>
  );
}

/** Grey placeholder lines while a page's data loads. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useI18n();
  return (
    <div class="skeleton" aria-busy="true" aria-label={t('web.loading')}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} class="skeleton-line" />
      ))}
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text' | 'search';
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** For `type="number"`: "any" lets decimals through the browser's own check. */
  step?: string;
}

export function Field(props: FieldProps) {
  const id = `f-${props.name}`;
  // The hint stays beside an error: it says what the field wants, the error what went wrong.
  const describedBy =
    [props.error && `${id}-error`, props.hint && `${id}-hint`].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.required}
        step={props.step}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.hint && (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${id}-error`} class="field-error">
          {props.error}
        </small>
      )}
    </div>
  );
}

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="page">
      <h1>{title}</h1>
      {children}
    </section>
  );
}

/** A tap-to-call link, and WhatsApp when the server gives its link. */
export function CallLinks({ phone, whatsappUrl }: { phone: string; whatsappUrl?: string | null }) {
  const { t } = useI18n();
  return (
    <span class="actions">
      <a class="button button-small" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
        {t('web.action.call')} {phone}
      </a>
      {whatsappUrl && (
        <a class="button button-small button-wa" href={whatsappUrl} rel="noopener" target="_blank">
          {t('web.action.whatsapp')}
        </a>
      )}
    </span>
  );
}

/** The catalog text for `prefix + code`; codes this client does not know yet show as sent. */
export function labelOf(t: Translate, prefix: 'web.role.' | 'web.audit.action.', code: string) {
  return textOr(t, `${prefix}${code}`, code);
}

/** Whether a station view is marked as demo data (a field the server may add). */
export function isDemo(station: object): boolean {
  return 'isDemo' in station && station.isDemo === true;
}
