// Before the browser tests: make sure there is a Chromium or Chrome, installing Debian's `chromium`
// when there is none and this machine allows it (root with apt-get). Otherwise stop with a message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser.mjs';

const found = findBrowser();
if (found) {
  if (!existsSync(found)) {
    console.error(`CHROME_PATH is set to ${found}, but there is no file there.`);
    process.exit(1);
  }
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log("No Chromium or Chrome found: installing Debian's chromium (apt-get install chromium)…");
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } catch (error) {
    console.error(`Installing chromium failed: ${error.message}`);
  }
  if (findBrowser()) process.exit(0);
}

console.error(
  [
    'The tests need Chromium or Chrome, and none was found.',
    'Install one (on Debian or Ubuntu: sudo apt-get install chromium), or point CHROME_PATH at it:',
    '  CHROME_PATH=/path/to/chrome npm test',
  ].join('\n'),
);
process.exit(1);
