/**
 * Makes sure a Chromium is there for the Playwright tests, without Playwright's own browser
 * download (which cannot work here): uses one already on disk (see chromium-path.ts), or, on
 * Debian/Ubuntu as root, installs Debian's `chromium` package with apt-get. Otherwise it exits 1
 * with one line saying how to install Chromium.
 */
import { aptInstall, canInstallWithApt } from '../scripts/apt';
import { findChromium } from './chromium-path';

const HOW_TO_INSTALL =
  'No Chromium found for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium executable.';

function main(): void {
  let chromium = findChromium();
  if (!chromium && canInstallWithApt()) {
    console.log('No Chromium found: installing Debian\'s chromium package.');
    if (!aptInstall(['chromium'])) {
      console.error(`apt-get could not install chromium. ${HOW_TO_INSTALL}`);
      process.exit(1);
    }
    chromium = findChromium();
  }
  if (!chromium) {
    console.error(HOW_TO_INSTALL);
    process.exit(1);
  }
  console.log(`Browser tests use Chromium at ${chromium}`);
}

main();
