// Drives the gateway with the official TypeScript SDK client over Streamable HTTP, the transport most
// HTTP-capable MCP hosts (VS Code, Cursor, web agents) use. A second SDK implementation catches wire-format
// mismatches that a C#-to-C# test cannot: tool metadata, structuredContent, stateless POST handling and
// the toolset/readonly routes. Usage: node ts-sdk-client.mjs <mcpUrl>. Exits 0 on success, 1 on failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

// 54 Pilot Status tools (snake_case) and 54 Chili Piper tools (kebab-case); a few named ones are spot-checked.
const TOOL_COUNT = 108;
const SOME_TOOLS = ['messages_send', 'templates_create', 'webhooks_create', 'call_initiate', 'api_keys_list',
  'meeting-list-put', 'concierge-route-by-slug', 'concierge-schedule', 'rule-modify', 'distribution-adjust-v3'];
const MESSAGING_READONLY = ['message_get', 'messages_group', 'messages_unread', 'conversations_list'];
const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];

function check(condition, message, detail) {
  if (!condition) {
    throw new Error(detail === undefined ? message : `${message}\n${JSON.stringify(detail, null, 2)}`);
  }
}

function sameSet(actual, expected) {
  return actual.length === expected.length && [...actual].sort().join() === [...expected].sort().join();
}

async function connect(url) {
  const client = new Client({ name: 'e2e-ts-sdk-client', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  check(!result.isError, `${name} returned isError`, result);
  return result;
}

async function main(mcpUrl) {
  const client = await connect(mcpUrl);
  try {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    check(names.length === TOOL_COUNT && new Set(names).size === TOOL_COUNT, `expected ${TOOL_COUNT} distinct tools, got ${names.length}: ${names.join(', ')}`);
    check(SOME_TOOLS.every((n) => names.includes(n)), `missing some of ${SOME_TOOLS.join(', ')}`);
    check(names.filter((n) => n.includes('_')).length === 54, 'expected 54 snake_case Pilot Status tools');
    // tools/list leaves out hints equal to the MCP defaults (and destructive/idempotent on read-only tools): every
    // hint sent is a boolean, and every write says whether it destroys.
    for (const tool of tools) {
      for (const hint of HINTS) {
        const value = tool.annotations?.[hint];
        check(value === undefined || typeof value === 'boolean', `${tool.name}: annotations.${hint} is not a boolean`, tool.annotations);
      }
      const readOnly = tool.annotations?.readOnlyHint === true;
      check(readOnly || typeof tool.annotations?.destructiveHint === 'boolean', `${tool.name}: a write without destructiveHint`, tool.annotations);
    }
    check(MESSAGING_READONLY.every((n) => tools.find((t) => t.name === n)?.annotations?.readOnlyHint === true),
      'the read-only messaging tools are not marked readOnlyHint');
    check(tools.find((t) => t.name === 'meeting-cancel')?.annotations?.destructiveHint === true, 'meeting-cancel is not marked destructive');

    const sent = await call(client, 'messages_send', {
      destinationNumber: '+5511999990000',
      templateId: 'order_update',
      variables: { name: 'Ana', order: 'A-1' },
    });
    const id = sent.structuredContent?.id;
    check(typeof id === 'string' && id.length > 0, 'messages_send returned no id', sent);

    const message = await call(client, 'message_get', { messageId: id });
    check(typeof message.structuredContent?.status === 'string', 'message_get returned no status', message);

    const tenant = await call(client, 'tenant-get', {});
    check(tenant.structuredContent?.tenantData, 'tenant-get returned no tenantData', tenant);

    const readonly = await connect(new URL('x/messaging/readonly', mcpUrl.endsWith('/') ? mcpUrl : `${mcpUrl}/`).href);
    try {
      const ro = (await readonly.listTools()).tools.map((t) => t.name);
      check(sameSet(ro, MESSAGING_READONLY), `/mcp/x/messaging/readonly: expected ${MESSAGING_READONLY.join(', ')}; got ${ro.join(', ')}`);
    } finally {
      await readonly.close();
    }

    // The search route: two tools, a search that finds the send tool, and a call through call_tool.
    const search = await connect(new URL('search', mcpUrl.endsWith('/') ? mcpUrl : `${mcpUrl}/`).href);
    try {
      const listed = (await search.listTools()).tools.map((t) => t.name);
      check(sameSet(listed, ['search_tools', 'call_tool']), `/mcp/search: expected search_tools and call_tool; got ${listed.join(', ')}`);
      const found = await call(search, 'search_tools', { query: 'send a whatsapp message' });
      check(found.structuredContent?.tools?.[0]?.name === 'messages_send', 'search_tools did not find messages_send first', found);
      check(found.structuredContent.tools[0].inputSchema?.type === 'object', 'search_tools returned no input schema', found);
      const through = await call(search, 'call_tool', { name: 'tenant-get', arguments: {} });
      check(through.structuredContent?.tenantData?.tenantId === tenant.structuredContent.tenantData.tenantId, 'call_tool did not answer as tenant-get', through);
    } finally {
      await search.close();
    }

    console.log(`ts-sdk-client OK: ${names.length} tools, sent ${id} (status ${message.structuredContent.status}), tenant ${tenant.structuredContent.tenantData.tenantId}, readonly toolset ${MESSAGING_READONLY.length} tools, search route`);
  } finally {
    await client.close();
  }
}

const url = process.argv[2];
if (!url) {
  console.error('usage: node ts-sdk-client.mjs <mcpUrl>');
  process.exit(1);
}

try {
  await main(url);
  process.exit(0);
} catch (error) {
  console.error(`ts-sdk-client FAILED: ${error?.stack ?? error}`);
  process.exit(1);
}
