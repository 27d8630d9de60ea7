/**
 * Verification in the page: spoken queries that the default model (moonshine-tiny, beam search,
 * rescoring and correction on) mishears and that only the recogniser listening again to the
 * catalogue's candidates gets right (src/search/verification; the search worker calls back to the
 * recognition worker for the scores), each run with the "Check place names by listening again"
 * switch off and then on. The recordings are files of the spoken query set's tuning half
 * (e2e/fixtures/README.md). What is asserted is what the person sees — whether the place is among
 * the first three results and its name in the box — not how the model mishears a synthetic voice.
 * Waits are for states, with generous timeouts: no assertion depends on wall-clock time.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const RECOGNITION_TIMEOUT = 150_000;
test.setTimeout(420_000);

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const resultList = (page: Page) => page.getByRole('list', { name: 'Results' });
const verificationSwitch = (page: Page) => page.getByLabel('Check place names by listening again');

async function setVerification(page: Page, on: boolean): Promise<void> {
  if ((await page.locator('details.settings').getAttribute('open')) === null) await page.getByText('Settings', { exact: true }).click();
  await verificationSwitch(page).setChecked(on);
}

/** Uploads a recording and waits for a spoken query in the box and its finished search. */
async function speak(page: Page, file: string): Promise<string[]> {
  await searchBox(page).fill('');
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}${file}`);
  await expect(searchBox(page)).not.toHaveValue('', { timeout: RECOGNITION_TIMEOUT });
  await expect(resultList(page)).toHaveAttribute('aria-busy', 'false', { timeout: RECOGNITION_TIMEOUT });
  return (await resultList(page).getByRole('listitem').allInnerTexts()).slice(0, 3);
}

const finds = (results: readonly string[], name: string, country: string) => results.some((r) => r.startsWith(name) && r.includes(country));

/** `inBox`: the part of the name the box must hold (the whole name unless given). */
const VERIFIED: { file: string; said: string; name: string; country: string; inBox?: string }[] = [
  { file: 'things-to-do-in-oldham.wav', said: 'things to do in Oldham', name: 'Oldham', country: 'United Kingdom' },
  { file: 'hotels-in-panshan.wav', said: 'hotels in Panshan', name: 'Panshan', country: 'China' },
  { file: 'restaurants-in-fuzhou.wav', said: 'restaurants in Fuzhou', name: 'Fuzhou', country: 'China' },
  { file: 'how-far-is-kigali.wav', said: 'how far is Kigali from here', name: 'Kigali', country: 'Rwanda' },
  { file: 'things-to-do-in-seoul.wav', said: 'things to do in Seoul', name: 'Seoul', country: 'South Korea' },
];

test('the verification switch is in the settings, on by default', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Settings', { exact: true }).click();
  await expect(verificationSwitch(page)).toBeChecked();
});

for (const spoken of VERIFIED) {
  test(`“${spoken.said}” finds ${spoken.name} only when the recogniser listens again`, async ({ page }) => {
    await page.goto('/');

    await setVerification(page, false);
    const without = await speak(page, spoken.file);
    expect(finds(without, spoken.name, spoken.country), `${spoken.name} without verification (box: ${await searchBox(page).inputValue()})`).toBe(false);

    await setVerification(page, true);
    const withIt = await speak(page, spoken.file);
    expect(finds(withIt, spoken.name, spoken.country), `${spoken.name} with verification (box: ${await searchBox(page).inputValue()})`).toBe(true);
    await expect(searchBox(page)).toHaveValue(new RegExp(spoken.inBox ?? spoken.name));
  });
}
