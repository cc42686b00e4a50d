// The reference: the TypeScript MCP SDK serving the same message_get tool statelessly, a server and a
// transport per request, as the SDK's stateless Streamable HTTP example does. The tool forwards one GET
// to the upstream with the caller's x-api-key, as the gateway does in pass-through mode.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { z } from 'zod';

const port = Number(process.argv[2] ?? 0);
const upstream = (process.argv[3] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');

function getServer() {
  const server = new McpServer({ name: 'reference-server', version: '1.0.0' });
  server.registerTool(
    'message_get',
    {
      title: 'Get a message and its status',
      description: 'Read one message of the key\'s number with its delivery status.',
      inputSchema: { messageId: z.string().describe('Message id (msg_...), correlationId or wamid.') },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async ({ messageId }, extra) => {
      const key = extra.requestInfo?.headers?.['x-api-key'];
      const response = await fetch(`${upstream}/v1/messages/${encodeURIComponent(messageId)}`, {
        headers: key ? { 'x-api-key': String(key) } : {},
      });
      const text = await response.text();
      return { content: [{ type: 'text', text }], isError: !response.ok };
    },
  );
  return server;
}

const app = createMcpExpressApp();
app.post('/mcp', async (req, res) => {
  const server = getServer();
  try {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      transport.close();
      server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  } catch (error) {
    if (!res.headersSent) {
      res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
    }
  }
});

const listener = app.listen(port, '127.0.0.1', () => {
  console.log(`listening ${listener.address().port}`);
});
process.on('SIGTERM', () => listener.close(() => process.exit(0)));
