/**
 * Installing a Debian package a script needs, the one way this project does it: only on
 * Debian/Ubuntu, only as root, with apt-get; anywhere else the caller prints how to install it.
 * Used by e2e/ensure-browser.ts (Chromium) and the spoken-query generators (flite, espeak-ng, sox).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function isDebianLike(): boolean {
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

export function canInstallWithApt(): boolean {
  return isDebianLike() && process.getuid?.() === 0;
}

/** Runs `apt-get update` and `apt-get install -y` for `packages`; false if either fails. */
export function aptInstall(packages: readonly string[]): boolean {
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    console.log(`$ apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) return false;
  }
  return true;
}

/** Whether `command` is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure each command is there, installing its package with apt-get when it can; throws an
 * error naming what is missing and how to install it otherwise.
 */
export function ensureCommands(needed: readonly { command: string; debianPackage: string }[], purpose: string): void {
  let missing = needed.filter((n) => !hasCommand(n.command));
  if (missing.length > 0 && canInstallWithApt()) {
    console.log(`${purpose} needs ${missing.map((m) => m.command).join(', ')}: installing with apt-get.`);
    aptInstall(missing.map((m) => m.debianPackage));
    missing = missing.filter((n) => !hasCommand(n.command));
  }
  if (missing.length > 0) {
    throw new Error(`${purpose} needs ${missing.map((m) => `'${m.command}'`).join(', ')} (Debian/Ubuntu: sudo apt-get install ${missing.map((m) => m.debianPackage).join(' ')})`);
  }
}
