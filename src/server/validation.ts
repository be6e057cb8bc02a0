import ajvCompiler from '@fastify/ajv-compiler';

type ValidatorFactory = ajvCompiler.ValidatorFactory;
type ValidateFunction = ReturnType<ReturnType<ValidatorFactory>>;

const buildDefaultValidator = ajvCompiler();

interface Problem {
  path: string;
  message: string;
}

/**
 * Where a value holds what JSON Schema lets through but no database stores: ±Infinity in a
 * `number`/`integer`, a NUL character in a string (PostgreSQL refuses it in text).
 */
function findUnstorable(value: unknown, path: string, depth: number): Problem | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { path, message: 'must be a finite number' };
  }
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { path, message: 'must not contain NUL characters' }
      : undefined;
  }
  // Request bodies are capped at 1 MiB and depth-checked by their schemas; this bound only
  // keeps a pathological value from costing more than the validator did.
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnstorable(item, `${path}/${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Fastify's own validator, plus rules JSON Schema lacks: numbers are finite (`1e309` in a
 * query string coerces to Infinity, which `type: integer` accepts) and text has no NUL.
 */
export const buildFiniteNumberValidator: ValidatorFactory = (externalSchemas, options) => {
  const compile = buildDefaultValidator(externalSchemas, options);
  return (route) => {
    const validate = compile(route);
    const checked = ((data: unknown, dataCtx?: Parameters<ValidateFunction>[1]) => {
      if (!validate(data, dataCtx)) {
        checked.errors = validate.errors;
        return false;
      }
      const problem = findUnstorable(data, '', 0);
      if (problem === undefined) {
        checked.errors = null;
        return true;
      }
      checked.errors = [
        {
          keyword: 'type',
          instancePath: problem.path,
          schemaPath: '#',
          params: {},
          message: problem.message,
        },
      ];
      return false;
    }) as ValidateFunction;
    // Fastify passes the parent when the validator may coerce a root value in place.
    Object.assign(checked, { schemaEnv: validate.schemaEnv, schema: validate.schema });
    return checked;
  };
};
