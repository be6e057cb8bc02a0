import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditKeySource } from './config.js';

/** HKDF's `info`: the key derived from SIAGA_SECRET serves the audit chain and nothing else. */
const DERIVATION_LABEL = 'siaga audit chain v1';
const MIN_KEY_LENGTH = 32;

/**
 * The audit chain's HMAC key. A key file is read, or created with a random key readable by
 * its owner only when it does not exist yet; a key that is too short fails the start.
 */
export function loadAuditKey(source: AuditKeySource): Buffer {
  switch (source.from) {
    case 'env':
      return Buffer.from(source.key, 'utf8');
    case 'secret':
      return Buffer.from(hkdfSync('sha256', source.secret, '', DERIVATION_LABEL, 32));
    case 'file':
      return Buffer.from(readOrCreateKeyFile(source.path), 'utf8');
  }
}

function readOrCreateKeyFile(file: string): string {
  if (!fs.existsSync(file)) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside and linked into place: a node starting at the same time reads either no
      // file or a whole one, and the first link wins.
      const draft = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      try {
        fs.linkSync(draft, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        fs.rmSync(draft, { force: true });
      }
    } catch (err) {
      throw new Error(
        `Cannot create the audit key file ${file} (${(err as Error).message}): set SIAGA_AUDIT_KEY or SIAGA_AUDIT_KEY_FILE`,
      );
    }
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(`The audit key file ${file} must hold at least ${MIN_KEY_LENGTH} characters`);
  }
  return key;
}
