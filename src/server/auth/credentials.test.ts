import { describe, expect, it } from 'vitest';
import { assertStrongPassword, normaliseEmail, normalisePhone } from './credentials.js';
import { openSecret, sealSecret } from './secret-box.js';

describe('credentials', () => {
  it('normalises every common Indonesian mobile form to E.164', () => {
    for (const form of ['0812-3456-7890', '081234567890', '62812 3456 7890', '+62 812-3456-7890']) {
      expect(normalisePhone(form), form).toBe('+6281234567890');
    }
  });

  it('rejects landlines, foreign and malformed numbers', () => {
    expect(normalisePhone('021-5551234')).toBeUndefined();
    expect(normalisePhone('+1 202 555 0100')).toBeUndefined();
    expect(normalisePhone('0812345')).toBeUndefined();
    expect(normalisePhone('bukan nomor')).toBeUndefined();
  });

  it('trims and lower-cases email, and rejects what is not one', () => {
    expect(normaliseEmail('  Siti.Rahma@Example.ID ')).toBe('siti.rahma@example.id');
    expect(normaliseEmail('siti@localhost')).toBeUndefined();
    expect(normaliseEmail('siti rahma@example.id')).toBeUndefined();
  });

  it('rejects short, common and personal passwords', () => {
    const who = { email: 'siti.rahma@example.id', name: 'Siti Rahmawati', phone: '+6281234567890' };
    const codeOf = (password: string) => {
      try {
        assertStrongPassword(password, who);
        return 'ok';
      } catch (err) {
        return (err as { code: string }).code;
      }
    };
    expect(codeOf('pendek')).toBe('auth.password_too_short');
    expect(codeOf('Password123')).toBe('auth.password_weak');
    expect(codeOf('QWERTYUIOP')).toBe('auth.password_weak');
    expect(codeOf('xx-siti.rahma-xx')).toBe('auth.password_weak');
    expect(codeOf('RAHMAWATI-2026!')).toBe('auth.password_weak');
    expect(codeOf('hp81234567890x')).toBe('auth.password_weak');
    expect(codeOf('kopi-tubruk-pagi-2026')).toBe('ok');
  });
});

describe('secret box', () => {
  it('round-trips, and refuses another key or a tampered box', () => {
    const sealed = sealSecret('k'.repeat(32), 'totp', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret('k'.repeat(32), 'totp', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret('x'.repeat(32), 'totp', sealed)).toBeUndefined();
    expect(openSecret('k'.repeat(32), 'other', sealed)).toBeUndefined();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(openSecret('k'.repeat(32), 'totp', tampered)).toBeUndefined();
  });
});
