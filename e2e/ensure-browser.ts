/**
 * Makes sure a Chromium is there for the Playwright tests, without Playwright's own browser
 * download (which cannot work here): uses one already on disk (see chromium-path.ts), or, on
 * Debian/Ubuntu as root, installs Debian's `chromium` package with apt-get. Otherwise it exits 1
 * with one line saying how to install Chromium.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findChromium } from './chromium-path';

const HOW_TO_INSTALL =
  'No Chromium found for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium executable.';

function isDebianLike(): boolean {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    const ids = osRelease
      .split('\n')
      .filter((line) => line.startsWith('ID=') || line.startsWith('ID_LIKE='))
      .flatMap((line) => line.slice(line.indexOf('=') + 1).replace(/"/g, '').split(/\s+/));
    return ids.includes('debian') || ids.includes('ubuntu');
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed. ${HOW_TO_INSTALL}`);
    process.exit(1);
  }
}

function main(): void {
  let chromium = findChromium();
  if (!chromium && isDebianLike() && process.getuid?.() === 0) {
    console.log('No Chromium found: installing Debian\'s chromium package.');
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
    chromium = findChromium();
  }
  if (!chromium) {
    console.error(HOW_TO_INSTALL);
    process.exit(1);
  }
  console.log(`Browser tests use Chromium at ${chromium}`);
}

main();
