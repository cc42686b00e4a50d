// mcp-remote, as Claude Desktop spawns it, in front of a gateway that wants OAuth and given no header at all: it
// meets the 401, registers, and opens the authorize URL in "the browser". mcp-remote opens URLs with the `open`
// package, which on Linux runs its bundled xdg-open script (that script hands the URL to $BROWSER when no desktop
// is running), and falls back to x-www-browser and others on PATH. Both lead to a stub that runs oauth-browser.mjs:
// headless Chromium signs in and approves ONE number and read-only Chili Piper, and the redirect lands on
// mcp-remote's own callback listener. Then the tools are listed and called through the bridge.
// Usage: node oauth-mcp-remote.mjs <mcpUrl> <numberId>. Prints `OAUTH_MCP_REMOTE_RESULT <json>`; exits 0 when the
// flow ran to its end, 1 when a step threw. mcp-remote's state lives in a throw-away directory.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [url, grantedNumber] = process.argv.slice(2);
if (!url || !grantedNumber) {
  console.error('usage: node oauth-mcp-remote.mjs <mcpUrl> <numberId>');
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'mcp-remote-oauth-'));
const configDir = join(work, 'config');
const stubDir = join(work, 'bin');
const browserResults = join(work, 'browser.jsonl');
const bridgeLog = [];
const result = {};

// The only "browser" on this machine: a stub that drives Chromium through the sign-in and consent.
function installBrowserStub() {
  const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
  mkdirSync(stubDir, { recursive: true });
  for (const name of ['xdg-open', 'x-www-browser']) {
    writeFileSync(join(stubDir, name), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(join(here, 'oauth-browser.mjs'))} "$1"\n`);
    chmodSync(join(stubDir, name), 0o755);
  }
  return join(stubDir, 'xdg-open');
}

function refusal(call) {
  const text = call.content?.find((c) => c.type === 'text')?.text ?? '';
  return { isError: call.isError === true, code: call.structuredContent?.error?.code ?? /Refused \(([A-Z_]+)\)/.exec(text)?.[1] ?? null, text: text.slice(0, 1000) };
}

async function callTool(client, name, args) {
  try {
    return { name, ...refusal(await client.callTool({ name, arguments: args }, undefined, { timeout: 60_000 })) };
  } catch (error) {
    return { name, isError: true, code: null, protocolError: String(error?.message ?? error).slice(0, 300) };
  }
}

async function main() {
  const stub = installBrowserStub();
  const env = { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: stub, PATH: `${stubDir}${delimiter}${process.env.PATH ?? ''}`,
    OAUTH_BROWSER_RESULT: browserResults, OAUTH_BROWSER_NUMBERS: grantedNumber, OAUTH_BROWSER_PILOTSTATUS: 'numbers', OAUTH_BROWSER_CHILIPIPER: 'read' };
  // No desktop: the opener must take the stub, not a desktop's own handler.
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'XDG_CURRENT_DESKTOP', 'DESKTOP_SESSION', 'KDE_FULL_SESSION', 'GNOME_DESKTOP_SESSION_ID']) {
    delete env[name];
  }

  const transport = new StdioClientTransport({
    command: join(here, 'node_modules', '.bin', 'mcp-remote'),
    args: [url, '--transport', 'http-only'],
    env,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => bridgeLog.push(chunk.toString()));

  const client = new Client({ name: 'e2e-stdio-host', version: '1.0.0' });
  // The sign-in happens inside initialize: Chromium starts, signs in and consents before mcp-remote answers.
  // A browser that failed ends the wait at once instead of at the time limit.
  let watch;
  const browserFailed = new Promise((_, reject) => {
    watch = setInterval(() => {
      const failed = existsSync(browserResults) && readFileSync(browserResults, 'utf8').split('\n').find((l) => l.includes('"ok":false'));
      if (failed) {
        reject(new Error(`the browser could not sign in and consent: ${JSON.parse(failed).error}`));
      }
    }, 500);
  });
  try {
    await Promise.race([client.connect(transport, { timeout: 150_000 }), browserFailed]);
  } catch (error) {
    await transport.close().catch(() => {}); // ends mcp-remote
    throw error;
  } finally {
    clearInterval(watch);
  }
  // The browser records its outcome only after Chromium has closed, which can be after mcp-remote already has the
  // code and has connected: wait for that record (bounded) rather than read a file not yet written.
  for (let waited = 0; waited < 30_000 && !(existsSync(browserResults) && readFileSync(browserResults, 'utf8').trim()); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const browser = existsSync(browserResults) ? readFileSync(browserResults, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    result.browser = browser.map((b) => ({ ok: b.ok, client: b.client ?? null, redirectHost: b.redirect ? new URL(b.redirect).host : null, error: b.error ?? null }));
    result.tools = (await client.listTools(undefined, { timeout: 60_000 })).tools.map((t) => t.name);
    result.calls = {
      grantedNumber: await callTool(client, 'numbers_get', { id: grantedNumber }),
      tenantTool: await callTool(client, 'api_keys_list', {}),
      chiliPiperWrite: await callTool(client, 'user-invite', { email: 'new.user@example.com' }),
    };
  } finally {
    await client.close();
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  result.failure = String(error?.stack ?? error);
  console.error(`oauth-mcp-remote FAILED: ${result.failure}`);
  console.error(`mcp-remote stderr:\n${bridgeLog.join('').slice(-6000)}`);
  if (existsSync(browserResults)) {
    console.error(`browser:\n${readFileSync(browserResults, 'utf8')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`OAUTH_MCP_REMOTE_RESULT ${JSON.stringify(result)}`);
process.exit(exitCode);
