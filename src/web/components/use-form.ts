import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import type { Translate } from '../i18n/i18n.js';

export interface FormState {
  /** The error to show above the form: none when its one message already sits under a field. */
  error: unknown;
  /** A message per field name, to show under that field. */
  fields: Record<string, string>;
  isBusy: boolean;
  /** Runs the submission; a thrown ApiError fills `error` and `fields`. */
  submit: (event: Event, run: () => Promise<void>) => Promise<void>;
}

/**
 * The state every form shares. Rule errors name one field (`details.field`) and carry a
 * translated message; schema errors list fields (`details.fields`) with the validator's
 * English wording, so those get our translated "check this field" instead.
 */
export function useForm(t: Translate): FormState {
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: Event, run: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await run();
    } catch (caught) {
      const isOneField = caught instanceof ApiError && typeof caught.details?.field === 'string';
      setError(isOneField ? null : caught);
      if (caught instanceof ApiError) setFields(fieldMessages(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return { error, fields, isBusy, submit };
}

function fieldMessages(error: ApiError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  const single = error.details?.field;
  if (typeof single === 'string') out[single] = error.message;
  for (const field of error.fieldNames()) out[field] ??= t('web.form.invalid');
  return out;
}
