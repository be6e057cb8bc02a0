import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n/index.js';

/**
 * One schema failure as both validators describe it: ajv on the server (Fastify) and
 * TypeBox's `Value.Errors` in the browser report the same keyword/instancePath/params shape.
 */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** One field a request got wrong, with a message for a person (in the caller's language). */
export interface FieldProblem {
  /** The field's path in the body, dot-separated (`areas.0.kind`); query/params prefixed. */
  field: string;
  /** The schema keyword that failed (`minLength`, `required`, …): stable, for programs. */
  problem: string;
  message: string;
}

/** Catalog entry per keyword; a keyword not listed reads as "check this field". */
const MESSAGE_BY_KEYWORD: Readonly<Record<string, MessageKey>> = {
  required: 'error.field.required',
  minLength: 'error.field.min_length',
  maxLength: 'error.field.max_length',
  pattern: 'error.field.pattern',
  format: 'error.field.pattern',
  minimum: 'error.field.minimum',
  exclusiveMinimum: 'error.field.minimum',
  maximum: 'error.field.maximum',
  exclusiveMaximum: 'error.field.maximum',
  minItems: 'error.field.min_items',
  maxItems: 'error.field.max_items',
  enum: 'error.field.choice',
  const: 'error.field.choice',
  anyOf: 'error.field.choice',
  additionalProperties: 'error.field.unknown',
};

const pathToField = (instancePath: string) => instancePath.replace(/^\//, '').replace(/\//g, '.');

/**
 * Turns schema issues into one problem per field, the first issue of a field winning.
 * ajv names one missing/extra property per issue, TypeBox lists them all in one.
 */
export function fieldProblems(
  issues: readonly SchemaIssue[],
  locale: Locale,
  prefix = '',
): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const issue of issues) {
    // TypeBox adds a `schema is false` twin under the extra property itself.
    if (issue.keyword === 'boolean') continue;
    const base = pathToField(issue.instancePath);
    const named = namedProperties(issue);
    // "At least 1 character" is how a schema says a text field must be filled in.
    const isEmpty = issue.keyword === 'minLength' && issue.params.limit === 1;
    const key = isEmpty
      ? 'error.field.required'
      : (MESSAGE_BY_KEYWORD[issue.keyword] ?? 'error.field.invalid');
    const message = translate(locale, key, limitParams(issue.params));
    for (const property of named ?? [undefined]) {
      const field = [prefix, base, property].filter(Boolean).join('.') || prefix || 'body';
      if (!byField.has(field)) byField.set(field, { field, problem: issue.keyword, message });
    }
  }
  return [...byField.values()];
}

function namedProperties(issue: SchemaIssue): string[] | undefined {
  const { missingProperty, additionalProperty, requiredProperties, additionalProperties } =
    issue.params;
  if (typeof missingProperty === 'string') return [missingProperty];
  if (typeof additionalProperty === 'string') return [additionalProperty];
  if (issue.keyword === 'required' && Array.isArray(requiredProperties)) {
    return requiredProperties.map(String);
  }
  if (issue.keyword === 'additionalProperties' && Array.isArray(additionalProperties)) {
    return additionalProperties.map(String);
  }
  return undefined;
}

function limitParams(params: Record<string, unknown>): MessageParams | undefined {
  return typeof params.limit === 'number' ? { limit: params.limit } : undefined;
}
