// A connector's whole OAuth life against the gateway, with the official TypeScript SDK client and its OAuth
// support doing every protocol step: the MCP endpoint answers 401, the SDK discovers the protected resource and
// authorization server metadata, registers (Dynamic Client Registration, or a Client ID Metadata Document this
// script serves on loopback HTTPS), and hands over the authorize URL; headless Chromium signs in with the demo
// sign-in and approves ONE number and read-only Chili Piper; the code comes back to this script's loopback
// redirect URI; the SDK exchanges it, lists and calls tools with the token, refreshes it, and the spent refresh
// token is replayed.
// Usage: node oauth-flow.mjs <mcpUrl> dcr <numberId>
//        node oauth-flow.mjs <mcpUrl> cimd <numberId> <certPem> <keyPem>   (a certificate for 127.0.0.1 the server trusts)
// Prints one line `OAUTH_FLOW_RESULT <json>` with what each step saw (the C# test asserts on it); exits 0 when the
// flow ran to its end, 1 when a step threw.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError, auth, refreshAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import { signInAndConsent } from './oauth-browser.mjs';

const [mcpUrl, registration, grantedNumber, certFile, keyFile] = process.argv.slice(2);
if (!mcpUrl || !['dcr', 'cimd'].includes(registration) || !grantedNumber || (registration === 'cimd' && (!certFile || !keyFile))) {
  console.error('usage: node oauth-flow.mjs <mcpUrl> dcr|cimd <numberId> [<certPem> <keyPem>]');
  process.exit(1);
}

const result = { registration };

/** Keeps what the SDK hands it in memory, as a desktop client keeps it on disk, and notes the authorize URL. */
class MemoryProvider {
  constructor(redirectUrl, clientMetadata, clientMetadataUrl) {
    this._redirectUrl = redirectUrl;
    this._clientMetadata = clientMetadata;
    this.clientMetadataUrl = clientMetadataUrl;
    this.authorizationUrl = undefined;
  }

  get redirectUrl() { return this._redirectUrl; }

  get clientMetadata() { return this._clientMetadata; }

  state() {
    this.lastState = randomBytes(16).toString('base64url');
    return this.lastState;
  }

  clientInformation() { return this._client; }

  saveClientInformation(info) { this._client = info; }

  tokens() { return this._tokens; }

  saveTokens(tokens) { this._tokens = tokens; }

  redirectToAuthorization(url) { this.authorizationUrl = url; }

  saveCodeVerifier(verifier) { this._verifier = verifier; }

  codeVerifier() { return this._verifier; }

  saveDiscoveryState(state) { this.discovery = state; }

  discoveryState() { return this.discovery; }
}

/** The client's redirect URI: a loopback listener (RFC 8252) that takes one authorization response. */
async function startCallbackListener() {
  let deliver;
  const received = new Promise((resolve) => { deliver = resolve; });
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Signed in. You can close this window.');
    deliver(url.searchParams);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { redirectUrl: `http://127.0.0.1:${server.address().port}/callback`, received, close: () => server.close() };
}

/** The Client ID Metadata Document, served where its own URL (the client_id) says, over loopback HTTPS. */
async function startMetadataDocument(redirectUrl, clientName) {
  const fetches = [];
  let url;
  const server = createHttpsServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
    fetches.push(req.url);
    if (req.method !== 'GET' || req.url !== '/oauth/client.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      client_id: url,
      client_name: clientName,
      redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${server.address().port}/oauth/client.json`;
  return { url, fetches, close: () => server.close() };
}

async function connect(provider) {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const client = new Client({ name: 'e2e-oauth-client', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

function refusal(call) {
  const error = call.structuredContent?.error;
  const text = call.content?.find((c) => c.type === 'text')?.text ?? '';
  return { isError: call.isError === true, code: error?.code ?? /Refused \(([A-Z_]+)\)/.exec(text)?.[1] ?? null, text: text.slice(0, 1000) };
}

async function callTool(client, name, args) {
  try {
    const call = await client.callTool({ name, arguments: args });
    return { name, ...refusal(call) };
  } catch (error) {
    // An unknown tool may be refused as a protocol error rather than a tool result.
    return { name, isError: true, code: null, protocolError: String(error?.message ?? error).slice(0, 300) };
  }
}

async function main() {
  // 1. Without a token the MCP endpoint refuses and says where its metadata is.
  const challenge = await fetch(mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'probe', version: '1' } } }),
  });
  result.challenge = { status: challenge.status, wwwAuthenticate: challenge.headers.get('www-authenticate') };

  const callback = await startCallbackListener();
  const clientName = `E2E ${registration.toUpperCase()} client`;
  const metadataDocument = registration === 'cimd' ? await startMetadataDocument(callback.redirectUrl, clientName) : undefined;
  try {
    const provider = new MemoryProvider(callback.redirectUrl, {
      client_name: clientName,
      redirect_uris: [callback.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }, metadataDocument?.url);

    // 2. The SDK meets the 401, discovers, registers and asks for the browser.
    let firstConnect = 'connected without authorization';
    try {
      await connect(provider);
    } catch (error) {
      firstConnect = error instanceof UnauthorizedError ? 'unauthorized' : `error: ${error?.message ?? error}`;
    }
    const asMetadata = provider.discovery?.authorizationServerMetadata;
    result.discovery = {
      firstConnect,
      authorizationServer: provider.discovery?.authorizationServerUrl ?? null,
      resource: provider.discovery?.resourceMetadata?.resource ?? null,
      issuer: asMetadata?.issuer ?? null,
      registrationEndpoint: asMetadata?.registration_endpoint ?? null,
      cimdSupported: asMetadata?.client_id_metadata_document_supported === true,
      codeChallengeMethods: asMetadata?.code_challenge_methods_supported ?? [],
    };
    result.clientId = provider.clientInformation()?.client_id ?? null;
    result.clientIdIsMetadataUrl = metadataDocument !== undefined && result.clientId === metadataDocument.url;
    if (!provider.authorizationUrl) {
      throw new Error('the SDK did not ask to open an authorize URL');
    }
    const authorizeParams = provider.authorizationUrl.searchParams;
    result.authorizeRequest = {
      codeChallengeMethod: authorizeParams.get('code_challenge_method'),
      resource: authorizeParams.get('resource'),
      redirectUri: authorizeParams.get('redirect_uri'),
    };

    // 3. The person signs in and approves one number and read-only Chili Piper.
    const consent = await signInAndConsent(provider.authorizationUrl.href, { numbers: [grantedNumber], pilotstatus: 'numbers', chilipiper: 'read' });
    const response = await callback.received;
    result.consent = { client: consent.client, numbersOffered: consent.numbersOffered };
    result.metadataDocumentFetches = metadataDocument ? metadataDocument.fetches.length : null;
    result.authorizationResponse = {
      code: Boolean(response.get('code')),
      stateMatches: response.get('state') === provider.lastState,
      error: response.get('error'),
      iss: response.get('iss'),
    };

    // 4. The SDK exchanges the code for tokens.
    const pending = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
    await pending.finishAuth(response.get('code'));
    const firstTokens = provider.tokens();
    result.tokens = {
      tokenType: firstTokens?.token_type ?? null,
      accessToken: Boolean(firstTokens?.access_token),
      refreshToken: Boolean(firstTokens?.refresh_token),
      expiresIn: firstTokens?.expires_in ?? null,
    };

    // 5. Tools with the token: only the grant's tools are listed, and the grant holds on every call.
    const otherNumber = consent.numbersOffered.map((n) => n.value).find((v) => v !== grantedNumber) ?? null;
    const { client } = await connect(provider);
    try {
      const tools = (await client.listTools()).tools.map((t) => t.name);
      result.tools = tools;
      result.calls = {
        grantedNumber: await callTool(client, 'numbers_get', { id: grantedNumber }),
        grantedList: await callTool(client, 'conversations_list', {}),
        otherNumber: otherNumber ? await callTool(client, 'numbers_get', { id: otherNumber }) : null,
        tenantTool: await callTool(client, 'api_keys_list', {}),
        chiliPiperWrite: await callTool(client, 'user-invite', { email: 'new.user@example.com' }),
      };
      result.otherNumber = otherNumber;
    } finally {
      await client.close();
    }

    // 6. Refresh through the SDK's own path, then use the new access token.
    const spent = firstTokens.refresh_token;
    const refreshed = await auth(provider, { serverUrl: new URL(mcpUrl) });
    const secondTokens = provider.tokens();
    result.refresh = {
      result: refreshed,
      newAccessToken: Boolean(secondTokens?.access_token) && secondTokens.access_token !== firstTokens.access_token,
      rotated: Boolean(secondTokens?.refresh_token) && secondTokens.refresh_token !== spent,
    };
    const again = await connect(provider);
    try {
      result.refresh.toolsAfterRefresh = (await again.client.listTools()).tools.length;
    } finally {
      await again.client.close();
    }

    // 7. The spent refresh token, replayed, is refused.
    try {
      await refreshAuthorization(new URL(provider.discovery.authorizationServerUrl), {
        metadata: asMetadata,
        clientInformation: provider.clientInformation(),
        refreshToken: spent,
        resource: new URL(provider.discovery.resourceMetadata.resource),
      });
      result.replay = { refused: false, error: null };
    } catch (error) {
      result.replay = { refused: true, error: error?.errorCode ?? null, message: String(error?.message ?? error).slice(0, 300) };
    }
  } finally {
    callback.close();
    metadataDocument?.close();
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  result.failure = String(error?.stack ?? error);
  console.error(`oauth-flow FAILED: ${result.failure}`);
}
console.log(`OAUTH_FLOW_RESULT ${JSON.stringify(result)}`);
process.exit(exitCode);
