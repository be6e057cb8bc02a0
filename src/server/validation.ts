import ajvCompiler from '@fastify/ajv-compiler';

type ValidatorFactory = ajvCompiler.ValidatorFactory;
type ValidateFunction = ReturnType<ReturnType<ValidatorFactory>>;

const buildDefaultValidator = ajvCompiler();

/** Where a value holds a number that JSON Schema's `number`/`integer` let through: ±Infinity. */
function findNonFinite(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  // Request bodies are capped at 1 MiB and depth-checked by their schemas; this bound only
  // keeps a pathological value from costing more than the validator did.
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNonFinite(item, `${path}/${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Fastify's own validator, plus one rule JSON Schema lacks: numbers are finite. `1e309` in a
 * query string coerces to Infinity, which `type: integer` accepts and no database takes.
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
      const path = findNonFinite(data, '', 0);
      if (path === undefined) {
        checked.errors = null;
        return true;
      }
      checked.errors = [
        {
          keyword: 'type',
          instancePath: path,
          schemaPath: '#',
          params: {},
          message: 'must be a finite number',
        },
      ];
      return false;
    }) as ValidateFunction;
    // Fastify passes the parent when the validator may coerce a root value in place.
    Object.assign(checked, { schemaEnv: validate.schemaEnv, schema: validate.schema });
    return checked;
  };
};
