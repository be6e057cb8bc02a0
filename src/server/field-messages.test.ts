import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import { PasswordResetConfirmBody, RegisterBody } from '../common/api/accounts.js';
import { fieldProblems, type FieldProblem } from '../common/validation/field-problems.js';

describe('validation answers name each field with its own message', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, language: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'accept-language': language } });

  const byField = (problems: FieldProblem[]) =>
    Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));

  const badRegistration = { phone: '0812', name: '', password: 'x'.repeat(201), extra: 1 };

  it.each([
    [
      'id',
      'Periksa kembali isian yang ditandai.',
      {
        phone: 'Minimal 6 karakter.',
        name: 'Wajib diisi.',
        password: 'Paling banyak 200 karakter.',
        extra: 'Isian ini tidak dikenal.',
      },
    ],
    [
      'en',
      'Please check the fields marked.',
      {
        phone: 'At least 6 characters.',
        name: 'Required.',
        password: 'At most 200 characters.',
        extra: 'This field is not known.',
      },
    ],
  ])('registration in %s: no raw field list, one message per field', async (lang, top, fields) => {
    const res = await post('/api/auth/register', badRegistration, lang);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation.failed');
    expect(error.message).toBe(top);
    expect(byField(error.details.fields)).toEqual(fields);
  });

  it('a missing field reads "required" and a malformed code "format"', async () => {
    const res = await post('/api/auth/password-reset/confirm', { code: '12ab' }, 'id');
    expect(byField(res.json().error.details.fields)).toEqual({
      login: 'Wajib diisi.',
      password: 'Wajib diisi.',
      code: 'Formatnya tidak sesuai.',
    });
  });

  it('a rule error about a field carries its message under that field', async () => {
    const res = await post('/api/reports', { description: 'x'.repeat(30), lat: -6.2 }, 'en');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    for (const problem of error.details.fields) expect(problem.message).toBe(error.message);
  });

  // The browser checks with TypeBox's Value, the server with ajv: a person must read the same.
  it.each([
    ['register', '/api/auth/register', RegisterBody, badRegistration],
    [
      'password reset',
      '/api/auth/password-reset/confirm',
      PasswordResetConfirmBody,
      { code: '12ab' },
    ],
  ] as const)('the browser check of %s says what the server says', async (_, url, schema, body) => {
    for (const lang of ['id', 'en'] as const) {
      const server = (await post(url, body, lang)).json().error.details.fields as FieldProblem[];
      const client = fieldProblems([...Value.Errors(schema, body)], lang);
      expect(byField(client)).toEqual(byField(server));
    }
  });
});
