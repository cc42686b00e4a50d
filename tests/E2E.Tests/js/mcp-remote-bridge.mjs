// Stdio-only hosts such as Claude Desktop reach a remote MCP server through the mcp-remote bridge, which
// they spawn as a child process and talk to over stdin/stdout. This script plays that host: it spawns
// mcp-remote against the gateway exactly as the printed client configuration says, then lists the tools
// and calls health-ping through the bridge with the TypeScript SDK's stdio client. mcp-remote keeps its
// state in a throw-away directory, never in the user's ~/.mcp-auth.
// Usage: node mcp-remote-bridge.mjs <mcpUrl>. Exits 0 on success, 1 on failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const url = process.argv[2];
if (!url) {
  console.error('usage: node mcp-remote-bridge.mjs <mcpUrl>');
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const configDir = mkdtempSync(join(tmpdir(), 'mcp-remote-e2e-'));
const bridgeLog = [];

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function main() {
  const transport = new StdioClientTransport({
    command: join(here, 'node_modules', '.bin', 'mcp-remote'),
    args: [url, '--transport', 'http-only'],
    env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => bridgeLog.push(chunk.toString()));

  const client = new Client({ name: 'e2e-stdio-host', version: '1.0.0' });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    check(tools.length === 108, `expected 108 tools through mcp-remote, got ${tools.length}: ${tools.map((t) => t.name).join(', ')}`);

    const ping = await client.callTool({ name: 'health-ping', arguments: {} });
    const text = ping.content?.find((c) => c.type === 'text')?.text ?? '';
    const ok = !ping.isError && (ping.structuredContent?.result === 'ok' || text.includes('"ok"'));
    check(ok, `health-ping through mcp-remote did not return "ok": ${JSON.stringify(ping)}`);

    console.log(`mcp-remote-bridge OK: ${tools.length} tools over stdio, health-ping = ok`);
  } finally {
    await client.close();
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`mcp-remote-bridge FAILED: ${error?.stack ?? error}`);
  console.error(`mcp-remote stderr:\n${bridgeLog.join('')}`);
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
process.exit(exitCode);
