// Drives the gateway and the TypeScript SDK reference server with the same load against the same stand-in
// upstream, prints the figures and their ratios, and rewrites the README's performance section.
//
//   node bench.mjs --gateway <built self-host executable> [--readme ../../README.md] [--duration 6]
//                  [--connections 32] [--cold-starts 7] [--out results.json]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const options = parseArgs(process.argv.slice(2));
const duration = Number(options.duration ?? 6);
const connections = Number(options.connections ?? 32);
const coldStarts = Number(options['cold-starts'] ?? 7);
// --only cold|load measures one half, for quick comparisons while tuning; the README needs both.
const only = options.only;
const gatewayCommand = options.gateway;
// The same self-host built the way the function app's worker is (ReadyToRun on the .NET runtime, no native
// code): cold starts only, to show what the function app's build settings give.
const readyToRunCommand = options['gateway-ready-to-run'];
if (!gatewayCommand || !existsSync(gatewayCommand)) {
  fail(`--gateway must name the built self-host executable (got '${gatewayCommand ?? ''}'); bench/run builds it.`);
}

// A fake key: the stand-in accepts anything, and nothing real is ever sent.
const apiKey = 'ps_bench_fake_key_0000000000';
const mcpHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
  'x-api-key': apiKey,
};
const callBody = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'message_get', arguments: { messageId: 'msg_bench' } } });
const listBody = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });

const children = new Set();
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });
process.on('SIGINT', () => process.exit(130));

const loadAtStart = os.loadavg();
const standIn = await startListening('stand-in', process.execPath, [path.join(here, 'stand-in.mjs'), '0']);
const upstream = `http://127.0.0.1:${standIn.port}`;
const servers = {
  gateway: port => ({ command: gatewayCommand, args: ['serve', '--urls', `http://127.0.0.1:${port}`], env: gatewayEnv() }),
  reference: port => ({ command: process.execPath, args: [path.join(here, 'reference-server.mjs'), String(port), upstream] }),
};
if (readyToRunCommand) {
  servers.readyToRun = port => ({ command: readyToRunCommand, args: ['serve', '--urls', `http://127.0.0.1:${port}`], env: gatewayEnv() });
}

const results = { gateway: {}, reference: {}, standIn: {}, readyToRun: {} };
if (only !== 'cold') {
  await measureLoad();
}
if (only !== 'load') {
  for (const name of Object.keys(servers)) {
    log(`${name}: cold start, median of ${coldStarts}`);
    const starts = [];
    for (let i = 0; i < coldStarts; i++) {
      starts.push(await coldStart(name));
    }
    const times = starts.map(s => s.wallMs), cpu = starts.map(s => s.cpuMs);
    results[name].coldStartMs = { median: median(times), all: times, cpuMedian: median(cpu), cpuAll: cpu };
    log(`${name}: cold starts ${times.join(', ')} ms; CPU ${cpu.join(', ')} ms`);
  }
}
await stop(standIn.child);
if (only) {
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}

const summary = summarise(results);
console.log('\n' + summary.table + '\n');
console.log(summary.verdicts.join('\n'));
if (options.out) {
  writeFileSync(options.out, JSON.stringify({ machine: machine(), results, ratios: summary.ratios }, null, 2));
}
if (options.readme) {
  rewriteReadme(options.readme, summary);
  log(`README performance section rewritten: ${options.readme}`);
}
process.exit(0);

// ---------------------------------------------------------------------------------------------------------

async function measureLoad() {
  const gateway = await startServer('gateway');
  const reference = await startServer('reference');
  for (const server of [gateway, reference]) {
    await checkAnswer(server);
  }

  log(`warming up (${Math.min(duration, 3)} s each)`);
  for (const server of [gateway, reference]) {
    await load(server.port, Math.min(duration, 3), connections);
  }

  for (const [name, server] of [['gateway', gateway], ['reference', reference]]) {
    log(`${name}: ${connections} connections, ${duration} s`);
    const sampler = rssSampler(server.child.pid);
    const run = await load(server.port, duration, connections);
    results[name].loaded = { ...run, peakRssMb: sampler.stop() };
  }

  for (const [name, server] of [['gateway', gateway], ['reference', reference]]) {
    log(`${name}: 1 connection, ${duration} s`);
    results[name].single = await sequential(server.port, '/mcp', 'POST', callBody, mcpHeaders, duration);
  }
  log(`stand-in directly: 1 connection, ${duration} s`);
  results.standIn.single = await sequential(standIn.port, '/v1/messages/msg_bench', 'GET', null, { 'x-api-key': apiKey }, duration);

  await stop(gateway.child);
  await stop(reference.child);
}

function gatewayEnv() {
  const env = { ...process.env, PilotStatus__BaseUrl: upstream, DOTNET_NOLOGO: '1' };
  for (const name of ['PilotStatus__ApiKey', 'ChiliPiper__ApiKey', 'ChiliPiper__BaseUrl', 'Sandbox__Enabled', 'Credentials__Mode', 'ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT']) {
    delete env[name];
  }
  return env;
}

async function startServer(name) {
  const port = await freePort();
  const spec = servers[name](port);
  const child = spawnChild(spec.command, spec.args, spec.env);
  await waitForToolsList(port, child, 60_000);
  return { name, port, child };
}

async function coldStart(name) {
  const port = await freePort();
  const spec = servers[name](port);
  const started = performance.now();
  const child = spawnChild(spec.command, spec.args, spec.env);
  await waitForToolsList(port, child, 60_000);
  const elapsed = performance.now() - started;
  const cpu = cpuMs(child.pid);
  await stop(child);
  return { wallMs: Math.round(elapsed), cpuMs: cpu };
}

// CPU time (user + system) the process has used so far: on a shared machine the wall clock of a start-up
// mostly measures the neighbours, its CPU time far less so.
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function spawnChild(command, args, env) {
  const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', chunk => { if (stderr.length < 8192) stderr += chunk; });
  child.stderrText = () => stderr;
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function startListening(name, command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', chunk => {
      const match = /listening (\d+)/.exec(String(chunk));
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', code => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, port, child };
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForToolsList(port, child, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      fail(`a server exited with ${child.exitCode} before answering:\n${child.stderrText()}`);
    }
    const answer = await request(port, '/mcp', 'POST', listBody, mcpHeaders).catch(() => null);
    if (answer && answer.status === 200 && answer.body.includes('"message_get"')) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 2));
  }
  fail(`no tools/list answer on port ${port} within ${timeoutMs} ms:\n${child.stderrText()}`);
}

async function checkAnswer(server) {
  const answer = await request(server.port, '/mcp', 'POST', callBody, mcpHeaders);
  const json = answer.body.startsWith('{') ? answer.body : answer.body.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('');
  const result = JSON.parse(json).result;
  if (answer.status !== 200 || !result || result.isError || !JSON.stringify(result.content).includes('msg_bench')) {
    fail(`${server.name} did not answer message_get with the stand-in's message: ${answer.status} ${answer.body.slice(0, 500)}`);
  }
  log(`${server.name} answers message_get (${answer.headers['content-type']})`);
}

function request(port, pathName, method, body, headers, agent) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers, agent }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

async function load(port, seconds, conns) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/mcp`,
    method: 'POST',
    headers: mcpHeaders,
    body: callBody,
    connections: conns,
    duration: seconds,
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / seconds),
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

// One connection, one request at a time, timed to the microsecond (autocannon's histogram counts whole
// milliseconds, too coarse for an overhead well under one).
async function sequential(port, pathName, method, body, headers, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = process.hrtime.bigint();
    const answer = await request(port, pathName, method, body, headers, agent);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (answer.status !== 200) errors++;
  }
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { count: samples.length, errors, p50Ms: round(samples[Math.floor(samples.length * 0.5)], 3), p99Ms: round(samples[Math.floor(samples.length * 0.99)], 3) };
}

function rssSampler(pid) {
  let peak = 0;
  const read = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]));
    } catch { /* the process is gone */ }
  };
  read();
  const timer = setInterval(read, 100);
  return { stop: () => { clearInterval(timer); read(); return Math.round(peak / 1024); } };
}

function summarise(r) {
  const g = r.gateway, t = r.reference;
  const ratios = {
    throughput: round(g.loaded.requestsPerSecond / t.loaded.requestsPerSecond, 2),
    coldStart: round(g.coldStartMs.median / t.coldStartMs.median, 2),
    coldStartCpu: round(g.coldStartMs.cpuMedian / t.coldStartMs.cpuMedian, 2),
    addedP50Ms: round(g.single.p50Ms - r.standIn.single.p50Ms, 3),
    peakRssMb: g.loaded.peakRssMb,
  };
  const goals = [
    ['throughput ≥ 5× the reference, 0 errors', ratios.throughput >= 5 && g.loaded.errors === 0, `${ratios.throughput}×, ${g.loaded.errors} errors`],
    ['added p50 at 1 connection ≤ 1 ms', ratios.addedP50Ms <= 1, `${ratios.addedP50Ms} ms`],
    ['cold start ≤ 0.6× the reference', ratios.coldStart <= 0.6, `${ratios.coldStart}×`],
    ['RSS under load ≤ 150 MB', ratios.peakRssMb <= 150, `${ratios.peakRssMb} MB`],
  ];
  const rows = [
    ['', 'gateway', 'TypeScript SDK reference', 'gateway ÷ reference'],
    ['---', '---:', '---:', '---:'],
    [`calls/s, ${connections} connections, ${duration} s`, fmt(g.loaded.requestsPerSecond), fmt(t.loaded.requestsPerSecond), `**${ratios.throughput}×**`],
    ['errors (non-2xx, socket, timeout)', g.loaded.errors, t.loaded.errors, ''],
    [`p50 / p99 at ${connections} connections`, `${g.loaded.p50Ms} / ${g.loaded.p99Ms} ms`, `${t.loaded.p50Ms} / ${t.loaded.p99Ms} ms`, ''],
    [`p50 at 1 connection (stand-in alone: ${r.standIn.single.p50Ms} ms)`, `${g.single.p50Ms} ms`, `${t.single.p50Ms} ms`, `added: **${ratios.addedP50Ms} ms**`],
    [`cold start, launch to first tools/list (median of ${coldStarts})`, `${g.coldStartMs.median} ms`, `${t.coldStartMs.median} ms`, `**${ratios.coldStart}×**`],
    ['CPU time used by then (user + system, median)', `${g.coldStartMs.cpuMedian} ms`, `${t.coldStartMs.cpuMedian} ms`, `${ratios.coldStartCpu}×`],
    ['peak RSS under load', `${g.loaded.peakRssMb} MB`, `${t.loaded.peakRssMb} MB`, ''],
  ];
  const rtr = r.readyToRun?.coldStartMs;
  if (rtr) {
    ratios.readyToRunColdStart = round(rtr.median / t.coldStartMs.median, 2);
    rows.push([`cold start of a ReadyToRun build on the .NET runtime (how the function app's worker is built; median of ${coldStarts})`, `${rtr.median} ms (CPU ${rtr.cpuMedian} ms)`, `${t.coldStartMs.median} ms`, `${ratios.readyToRunColdStart}×`]);
  }
  const table = rows.map(row => `| ${row.join(' | ')} |`).join('\n');
  const verdicts = goals.map(([goal, met, value]) => `- ${met ? 'met' : 'NOT met'}: ${goal} (${value})`);
  return { table, verdicts, ratios };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    dotnet: process.env.BENCH_DOTNET_VERSION ?? 'unknown',
    loadAtStart: loadAtStart.map(l => l.toFixed(2)).join(' '),
  };
}

function rewriteReadme(file, summary) {
  const begin = '<!-- performance:begin (written by bench/run; do not edit by hand) -->';
  const end = '<!-- performance:end -->';
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(begin), to = text.indexOf(end);
  if (from < 0 || to < from) fail(`${file} has no performance markers`);
  const m = machine();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const section = [
    begin,
    `Last run: ${when} on ${m.cpu}, ${m.memoryGb} GiB, ${m.os}; .NET ${m.dotnet}, Node ${m.node}; load average at start ${m.loadAtStart}.`,
    '',
    `Method: a stand-in upstream answers one fixed JSON message at once; the gateway (the self-host as \`dotnet publish src/Server -c Release\` builds it, a native executable, \`serve\`, pass-through credentials, \`PilotStatus__BaseUrl\` at the stand-in) and the TypeScript SDK reference (\`@modelcontextprotocol/sdk\` ${sdkVersion()}, the same \`message_get\` tool, a server and a transport per request as the SDK's stateless example shows) each forward one GET to it per \`tools/call\`. Load: autocannon on loopback, ${connections} connections for ${duration} s after a warm-up, then one connection issuing one call at a time for ${duration} s, against each server and against the stand-in directly. RSS is the server process's peak resident memory under the ${connections}-connection load. Cold start: launch of the built server to its first answered \`tools/list\`, polled every 2 ms, median of ${coldStarts} launches each.`,
    '',
    summary.table,
    '',
    'Goals:',
    '',
    ...summary.verdicts,
    end,
  ].join('\n');
  writeFileSync(file, text.slice(0, from) + section + text.slice(to + end.length));
}

function sdkVersion() {
  return JSON.parse(readFileSync(path.join(here, 'node_modules/@modelcontextprotocol/sdk/package.json'), 'utf8')).version;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function fmt(n) {
  return n.toLocaleString('en-US');
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) parsed[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? 'true' : argv[++i];
  }
  return parsed;
}

function log(line) {
  console.error(`bench: ${line}`);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
