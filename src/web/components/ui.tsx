import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
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
export function CallLinks(props: { phone: string; display?: string; whatsappUrl?: string | null }) {
  const { phone, whatsappUrl } = props;
  const { t } = useI18n();
  return (
    <span class="actions">
      <a class="button button-small" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
        {t('web.action.call')} {props.display ?? phone}
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

/**
 * An action that cannot be undone, behind a question: the first tap asks, "yes" does it. An
 * error (already in the user's language) stays beside the question.
 */
export function Confirm(props: {
  label: string;
  question: string;
  yes: string;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!isAsking) {
    return (
      <button
        type="button"
        class="button button-secondary button-small tap"
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setAsking(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="confirm" role="group" aria-label={props.label}>
      <p>{props.question}</p>
      <ErrorNote error={error} />
      <span class="actions">
        <button
          type="button"
          class="button button-danger tap"
          disabled={isBusy}
          onClick={() => void confirm()}
        >
          {props.yes}
        </button>
        <button
          type="button"
          class="button button-secondary tap"
          onClick={() => {
            setAsking(false);
            setError(null);
          }}
        >
          {t('web.action.cancel')}
        </button>
      </span>
    </div>
  );
}
