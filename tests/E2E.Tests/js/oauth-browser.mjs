// The person at the browser in the OAuth tests: Debian's headless Chromium, driven by playwright-core, opens an
// authorize URL, signs in with the gateway's demo sign-in, fills the consent page (server-rendered, no JavaScript
// needed) and follows the redirect back to the client's loopback redirect URI, where the client's own callback
// listener takes the code. Only the form fields the consent page documents are used (name="user", "pilotstatus",
// "number", "chilipiper", "decision"), so a renamed field fails the tests.
// As a module: signInAndConsent(url, choices). As a command (the browser that mcp-remote opens):
//   node oauth-browser.mjs <authorizeUrl>, choices from OAUTH_BROWSER_* variables, the outcome as one JSON
//   line appended to the file named by OAUTH_BROWSER_RESULT.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 60_000;

/**
 * @param {string} authorizeUrl the authorization request, as the client built it
 * @param {{ user?: string, pilotstatus?: 'all'|'numbers'|'none', numbers?: string[], chilipiper?: 'full'|'read'|'none', decision?: 'approve'|'deny' }} choices
 * @returns {Promise<{ client: string, numbersOffered: {value: string, label: string}[], redirect: string }>}
 */
export async function signInAndConsent(authorizeUrl, choices = {}) {
  const { user = 'E2E Tester', pilotstatus = 'numbers', numbers = [], chilipiper = 'read', decision = 'approve' } = choices;
  const redirectUri = new URL(authorizeUrl).searchParams.get('redirect_uri');
  if (!redirectUri) {
    throw new Error(`the authorize URL carries no redirect_uri: ${authorizeUrl}`);
  }

  const profile = mkdtempSync(join(tmpdir(), 'oauth-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    // A page the server refuses (4xx/5xx) ends the flow at once, with what it said, instead of a wait for a field.
    let refused = null;
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame() && response.status() >= 400) {
        refused ??= `${response.request().method()} ${response.url()} answered ${response.status()}`;
      }
    });
    const step = async (action) => {
      await action();
      if (refused) {
        throw new Error(refused);
      }
    };
    try {
      await step(() => page.goto(authorizeUrl));

      // The demo sign-in: one text field and a submit button.
      await page.locator('input[name="user"]').fill(user);
      await step(() => page.locator('[name="action"][value="signin"]').click());

      // The consent page.
      const client = (await page.locator('#client').innerText()).trim();
      const numbersOffered = [];
      for (const box of await page.locator('input[name="number"]').all()) {
        // The label a screen reader announces for the box: it must name the number.
        const label = await box.evaluate((el) => [...(el.labels ?? [])].map((l) => l.innerText).join(' ').trim());
        numbersOffered.push({ value: await box.getAttribute('value'), label });
      }

      if (decision === 'approve') {
        await page.locator(`input[name="pilotstatus"][value="${pilotstatus}"]`).check();
        for (const number of numbers) {
          await page.locator(`input[name="number"][value="${number}"]`).check();
        }
        await page.locator(`input[name="chilipiper"][value="${chilipiper}"]`).check();
      }

      const redirected = page.waitForURL((url) => url.href.startsWith(redirectUri), { waitUntil: 'commit' });
      redirected.catch(() => {}); // awaited below; a refused consent must not leave it unhandled
      await step(() => page.locator(`[name="decision"][value="${decision}"]`).click());
      await redirected;
      return { client, numbersOffered, redirect: page.url() };
    } catch (error) {
      const text = await page.locator('body').innerText().catch(() => '');
      throw new Error(`${error.message}\nthe browser was at ${page.url()}, showing:\n${text.slice(0, 2000)}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.argv[2];
  const resultFile = process.env.OAUTH_BROWSER_RESULT;
  const record = (outcome) => {
    const line = `${JSON.stringify(outcome)}\n`;
    if (resultFile) {
      appendFileSync(resultFile, line);
    } else {
      process.stdout.write(line);
    }
  };
  try {
    const outcome = await signInAndConsent(url, {
      numbers: (process.env.OAUTH_BROWSER_NUMBERS ?? '').split(',').filter(Boolean),
      pilotstatus: process.env.OAUTH_BROWSER_PILOTSTATUS ?? 'numbers',
      chilipiper: process.env.OAUTH_BROWSER_CHILIPIPER ?? 'read',
    });
    record({ ok: true, authorizeUrl: url, ...outcome });
  } catch (error) {
    record({ ok: false, authorizeUrl: url, error: String(error?.stack ?? error) });
    process.exitCode = 1;
  }
}
