import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  bytes: number;
  modifiedAt: Date;
}

/**
 * Where media bytes live, by key (`<sha256>.<ext>`). Files are first staged under a temporary
 * name and promoted to their key once the row that references them has committed; an
 * S3-compatible store would stage under a prefix and copy on promote.
 */
export interface MediaStore {
  /** Writes bytes under a new temporary name and returns that name. */
  stage(bytes: Buffer): Promise<string>;
  /** Moves a staged file to its key (replacing an identical one already there). */
  promote(stagedName: string, key: string): Promise<void>;
  discardStaged(stagedName: string): Promise<void>;
  get(key: string): Readable | undefined;
  stat(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
  list(): AsyncIterable<StoredObject>;
  /** Staged files, for removing those a crashed node left behind. */
  listStaged(): AsyncIterable<StoredObject>;
}

const STAGING = '.staging';
const KEY_PATTERN = /^[0-9a-f]{64}\.[a-z]{3,4}$/;

export function isMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * Files under one directory (which may be a volume shared by every node): `ab/abcd….webp`,
 * fanned out by the first two hex digits so no directory grows too large.
 */
export function createFileMediaStore(root: string): MediaStore {
  const stagingDir = path.join(root, STAGING);
  const pathOf = (key: string) => {
    if (!isMediaKey(key)) throw new Error(`not a media key: ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };
  const stagedPath = (name: string) => path.join(stagingDir, path.basename(name));

  async function* walk(dir: string, accept: (name: string) => boolean) {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !accept(entry.name)) continue;
      const stat = await fs.promises.stat(path.join(dir, entry.name)).catch(() => undefined);
      if (stat) yield { key: entry.name, bytes: stat.size, modifiedAt: stat.mtime };
    }
  }

  return {
    async stage(bytes) {
      await fs.promises.mkdir(stagingDir, { recursive: true });
      const name = `${randomBytes(16).toString('hex')}.part`;
      await fs.promises.writeFile(stagedPath(name), bytes, { flag: 'wx' });
      return name;
    },
    async promote(stagedName, key) {
      const target = pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // A rename is atomic on one file system, so a reader sees the old or the new file, both
      // identical since the name is their hash; it also renews the mtime the sweep's grace reads.
      await fs.promises.rename(stagedPath(stagedName), target);
    },
    async discardStaged(stagedName) {
      await fs.promises.rm(stagedPath(stagedName), { force: true });
    },
    get(key) {
      const file = pathOf(key);
      return fs.existsSync(file) ? fs.createReadStream(file) : undefined;
    },
    async stat(key) {
      const stat = await fs.promises.stat(pathOf(key)).catch(() => undefined);
      return stat?.isFile() ? { key, bytes: stat.size, modifiedAt: stat.mtime } : undefined;
    },
    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
    async *list() {
      let shards: string[];
      try {
        shards = await fs.promises.readdir(root);
      } catch {
        return;
      }
      for (const shard of shards) {
        if (/^[0-9a-f]{2}$/.test(shard)) yield* walk(path.join(root, shard), isMediaKey);
      }
    },
    listStaged() {
      return walk(stagingDir, () => true);
    },
  };
}
