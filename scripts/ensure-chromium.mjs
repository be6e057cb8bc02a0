// The browser tests drive Debian's chromium; install it when missing (CI runs as root).
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (fs.existsSync(CHROMIUM)) {
  console.log(`chromium: ${CHROMIUM} present, nothing to do`);
} else {
  console.log(`chromium: ${CHROMIUM} missing, installing with apt-get`);
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
  console.log(`chromium: installed ${execSync(`${CHROMIUM} --version`).toString().trim()}`);
}
