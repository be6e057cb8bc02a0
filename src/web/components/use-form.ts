import { useState } from 'preact/hooks';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ApiError } from '../api/client.js';
import type { Translate } from '../i18n/i18n.js';
import { getLocale } from '../i18n/locale.js';
import { fieldProblems, type FieldProblem } from '../../common/validation/field-problems.js';

/** What the form will send and the API schema the server checks it against. */
export interface FormCheck {
  schema: TSchema;
  value: unknown;
}

export interface FormState {
  /** The error to show above the form: none when its messages already sit under fields. */
  error: unknown;
  /** A message per field name, to show under that field. */
  fields: Record<string, string>;
  isBusy: boolean;
  /**
   * Checks `check.value` against the route's own schema first (nothing is sent when a field
   * is wrong), then runs the submission; a thrown ApiError fills `error` and `fields`.
   */
  submit: (event: Event, run: () => Promise<void>, check?: FormCheck) => Promise<void>;
}

/** Field problems of a value against an API schema, worded like the server's. */
export function checkAgainst({ schema, value }: FormCheck): FieldProblem[] {
  return fieldProblems([...Value.Errors(schema, value)], getLocale());
}

const byField = (problems: FieldProblem[]) =>
  Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));

/**
 * The state every form shares. The server answers with one translated message per field
 * (`details.fields`, or `details.field` for a rule about one field); those go under the
 * fields, and only an error no field explains goes above the form.
 */
export function useForm(t: Translate): FormState {
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: Event, run: () => Promise<void>, check?: FormCheck) => {
    event.preventDefault();
    setError(null);
    const problems = check ? checkAgainst(check) : [];
    setFields(byField(problems));
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await run();
    } catch (caught) {
      const messages = caught instanceof ApiError ? fieldMessages(caught, t) : {};
      setError(Object.keys(messages).length > 0 ? null : caught);
      setFields(messages);
    } finally {
      setBusy(false);
    }
  };
  return { error, fields, isBusy, submit };
}

function fieldMessages(error: ApiError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  // A server from before per-field messages (a cached page during an upgrade) names only fields.
  for (const problem of error.fieldProblems())
    out[problem.field] = problem.message ?? t('web.form.invalid');
  const single = error.details?.field;
  if (typeof single === 'string') out[single] = error.message;
  return out;
}
