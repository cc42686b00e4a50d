using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Gateway.Callers;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.OAuth.Consent;
using Serverless.Gateway.Secrets;
using Serverless.Gateway.Protocol;
using Serverless.Gateway.Selection;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Http;

/// <summary>
/// Serves one MCP POST statelessly: guards, caller, tool selection, then a fresh SDK server over the
/// tools built at start-up. Host-independent: Kestrel and Azure Functions both hand it the HttpContext.
/// </summary>
public sealed class McpGatewayEndpoint(
    ToolCatalog catalog,
    CallerResolver callers,
    ClientRegistry clients,
    McpServerOptionsFactory serverOptions,
    IOptionsMonitor<GatewayOptions> options,
    IOptionsMonitor<CredentialsOptions> credentialOptions,
    IOptionsMonitor<OAuthOptions> oauthOptions,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<McpGatewayEndpoint>();

    /// <summary>
    /// Serves any request routed to an MCP path: POST is MCP; GET and DELETE (stream resumption and session
    /// end, which a stateless server does not offer) get 405 naming POST.
    /// </summary>
    public Task HandleAsync(HttpContext context, string? toolsets, bool readOnly, bool search = false)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            return HandlePostAsync(context, toolsets, readOnly, search);
        }

        context.Response.Headers.Allow = HttpMethods.Post;
        return JsonRpcErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, JsonRpcErrors.ServerError,
            "Method Not Allowed: this stateless endpoint serves POST only.");
    }

    /// <summary>
    /// Serves a request whose selection is still a path below the endpoint (see <see cref="McpRoute"/>);
    /// an unknown path gets 404.
    /// </summary>
    public Task HandlePathAsync(HttpContext context, string? selectionPath)
    {
        if (!McpRoute.TryParse(selectionPath, out var toolsets, out var readOnly, out var search))
        {
            return NotFoundAsync(context);
        }

        return HandleAsync(context, toolsets, readOnly, search);
    }

    /// <summary>Serves a route with a fixed toolset and an optional trailing "readonly" value.</summary>
    public Task HandleToolsetAsync(HttpContext context, string toolset, string? mode)
    {
        if (!McpRoute.TryParseMode(mode, out var readOnly))
        {
            return NotFoundAsync(context);
        }

        return HandleAsync(context, toolset, readOnly);
    }

    private static Task NotFoundAsync(HttpContext context) =>
        JsonRpcErrors.WriteAsync(context, StatusCodes.Status404NotFound, JsonRpcErrors.InvalidRequest,
            "Not Found: MCP paths are /mcp, /mcp/readonly, /mcp/x/{toolsets} and /mcp/x/{toolsets}/readonly, each also behind /mcp/search.");

    public async Task HandlePostAsync(HttpContext context, string? toolsets, bool readOnly, bool search = false)
    {
        var request = context.Request;
        var settings = options.CurrentValue;

        if (HostGuard.Refusal(request, settings) is { } hostRefusal)
        {
            _logger.LogWarning("Refused request: {Reason}", hostRefusal);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, JsonRpcErrors.ServerError, "Forbidden: " + hostRefusal);
            return;
        }

        if (!HasJsonContentType(request))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, JsonRpcErrors.InvalidRequest,
                "Unsupported Media Type: the body must be application/json.");
            return;
        }

        var accept = request.GetTypedHeaders().Accept;
        if (!accept.Any(a => Matches(a, "application/json")) || !accept.Any(a => Matches(a, "text/event-stream")))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status406NotAcceptable, JsonRpcErrors.ServerError,
                "Not Acceptable: the client must accept both application/json and text/event-stream.");
            return;
        }

        var body = await RequestBody.ReadAsync(context, settings.MaxRequestBodyBytes);
        if (body is null)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, JsonRpcErrors.InvalidRequest,
                $"Payload Too Large: the body exceeds {settings.MaxRequestBodyBytes} bytes.");
            return;
        }

        var (message, parseError) = RequestBody.Parse(body);
        if (message is null)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, parseError.Code, parseError.Message);
            return;
        }

        var requestId = message is JsonRpcRequest jsonRpcRequest ? jsonRpcRequest.Id : default;
        if ((ProtocolGuards.CheckVersionHeader(request) ?? ProtocolGuards.CheckEnvelope(request, message)) is { } protocolError)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, protocolError, requestId);
            return;
        }

        if (ProtocolGuards.CheckStandardHeaders(request, message) is { } headerError)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, (int)McpErrorCode.HeaderMismatch, headerError, requestId);
            return;
        }

        if (ProtocolGuards.IsRemovedMethod(request, message))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status404NotFound, JsonRpcErrors.MethodNotFound,
                $"Method '{((JsonRpcRequest)message).Method}' is not available on protocol version '{ProtocolGuards.HeaderVersion(request)}'.", requestId);
            return;
        }

        // After the removed-method check: a dropped method is 404 whatever its params.
        if (RequestParams.Problem(message) is { } paramsProblem)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidParams, paramsProblem, requestId);
            return;
        }

        Func<ToolEntry, bool> allowed;
        if (credentialOptions.CurrentValue.Mode == CredentialsMode.Managed)
        {
            // Managed: the caller proves it is a configured client, or holds an access token the gateway issued for
            // this resource; its grant, not vendor keys, decides what it sees.
            var key = CallerResolver.BearerToken(request);
            var oauth = oauthOptions.CurrentValue;
            var urls = oauth.Enabled ? ResourceUrls.For(request, oauth, settings) : null;
            var identity = clients.Authenticate(key);
            if (identity is null && urls is not null && key is not null)
            {
                try
                {
                    var token = await context.RequestServices.GetRequiredService<AccessTokens>().ReadAsync(key, urls);
                    // A token from the authorization server names its entry and connection: revoked ones are refused.
                    if (token is not null && (token.TokenId is null && token.AuthorizationId is null
                        || (context.RequestServices.GetService<OAuthConnections>() is { } connections
                            && await connections.IsActiveAsync(token.TokenId, token.AuthorizationId, context.RequestAborted))))
                    {
                        identity = token.Caller;
                    }
                }
                catch (SigningKeysUnavailableException e)
                {
                    // The caller's token may be fine: say the server is at fault, not the credential.
                    _logger.LogError(e, "Access token not checked: {Reason}", e.Message);
                    await JsonRpcErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, JsonRpcErrors.ServerError,
                        "Service Unavailable: the gateway cannot read its token signing keys; ask its operator.", requestId);
                    return;
                }
            }

            if (identity is null)
            {
                context.Response.Headers.WWWAuthenticate = urls is not null
                    ? $"Bearer resource_metadata=\"{urls.Metadata}\"" + (key is null ? "" : ", error=\"invalid_token\"")
                    : key is null ? "Bearer realm=\"mcp\"" : "Bearer realm=\"mcp\", error=\"invalid_token\"";
                var how = urls is not null
                    ? "sign in through OAuth (see the resource_metadata of the WWW-Authenticate header) or send a gateway client key as 'Authorization: Bearer <key>'"
                    : "send your gateway client key as 'Authorization: Bearer <key>'";
                await JsonRpcErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, JsonRpcErrors.ServerError,
                    "Unauthorized: this gateway holds the upstream keys itself; " + how +
                    (key is null ? "." : " (the credential sent is neither a configured client's key nor a valid access token for this resource)."), requestId);
                return;
            }

            // The client key or access token is a credential too: nothing the gateway emits may echo it.
            context.RequestServices.GetRequiredService<KnownSecrets>().Remember(key);
            var caller = context.RequestServices.GetRequiredService<CurrentCaller>();
            caller.Identity = identity;
            caller.NumberHeader = CallerResolver.Header(request, Tools.PilotStatus.PilotStatusClient.NumberIdHeader);
            allowed = entry => identity.Grant.Excludes(entry) is null;
        }
        else
        {
            var credentials = context.RequestServices.GetRequiredService<CallerCredentials>();
            callers.Fill(request, credentials);
            CredentialScrubber.UseCaller(credentials);
            if (!credentials.HasAny)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"mcp\", ApiKey realm=\"mcp\", header=\"x-api-key\"";
                await JsonRpcErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, JsonRpcErrors.ServerError,
                    "Unauthorized: send a credential for at least one upstream: " + string.Join("; ", CallerResolver.AcceptedHeaders) + ".",
                    requestId, new JsonObject { ["acceptedHeaders"] = new JsonArray([.. CallerResolver.AcceptedHeaders.Select(h => JsonValue.Create(h))]) });
                return;
            }

            allowed = entry => credentials.Has(entry.Upstream);
        }

        var (selection, selectionError) = ToolSelectionParser.Parse(toolsets, readOnly, request.Headers, catalog);
        if (selection is null)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidParams, selectionError!, requestId);
            return;
        }

        var tools = selection.Apply(catalog, _ => true).Where(allowed).ToArray();
        if (settings.DisabledToolsets.Length > 0)
        {
            tools = [.. tools.Where(t => !settings.DisabledToolsets.Contains(t.Toolset, StringComparer.Ordinal))];
        }

        await ServeAsync(context, message, tools, search);
    }

    internal async Task ServeAsync(HttpContext context, JsonRpcMessage message, IReadOnlyList<ToolEntry> tools, bool search = false)
    {
        var transport = new SingleRequestTransport(message);
        var server = McpServer.Create(transport, serverOptions.Create(tools, search), loggerFactory, context.RequestServices);
        var runTask = server.RunAsync(context.RequestAborted);
        try
        {
            if (message is not JsonRpcRequest)
            {
                // A notification (or a stray response) gets no answer: accepted, and handled before the server stops.
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }

            // A server that stops without answering (it failed) must not leave the request waiting.
            var finished = await Task.WhenAny(transport.Answer, runTask).WaitAsync(context.RequestAborted);
            if (finished != transport.Answer)
            {
                await runTask;
                _logger.LogError("Request {Method} ended without an answer", LogText.Shorten(((JsonRpcRequest)message).Method));
                await InternalErrorAsync(context, ((JsonRpcRequest)message).Id);
                return;
            }

            var answer = await transport.Answer;
            if (answer is JsonRpcError { Error: { } detail }
                && ProtocolRevisions.RequiresPerRequestMetadata(ProtocolGuards.HeaderVersion(context.Request)))
            {
                // Newer revisions give some JSON-RPC errors an HTTP status.
                context.Response.StatusCode = (McpErrorCode)detail.Code switch
                {
                    McpErrorCode.MethodNotFound => StatusCodes.Status404NotFound,
                    McpErrorCode.MissingRequiredClientCapability or McpErrorCode.UnsupportedProtocolVersion or McpErrorCode.HeaderMismatch
                        => StatusCodes.Status400BadRequest,
                    _ => context.Response.StatusCode,
                };
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(answer, MessageJson);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Whatever the checks above missed still gets a JSON-RPC answer, never an empty 500.
            _logger.LogError(e, "Request {Method} failed before an answer was written", LogText.Shorten((message as JsonRpcRequest)?.Method));
            var requestId = message is JsonRpcRequest r ? r.Id : default;
            await (e is JsonException or FormatException or OverflowException or InvalidOperationException or ArgumentException
                ? JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidParams, "Invalid params: the request could not be read.", requestId)
                : InternalErrorAsync(context, requestId));
        }
        finally
        {
            try
            {
                await transport.DisposeAsync();
                await runTask;
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
    }

    private static Task InternalErrorAsync(HttpContext context, RequestId requestId) =>
        JsonRpcErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, (int)McpErrorCode.InternalError,
            "Internal error: the request failed; see the server log.", requestId);

    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage> MessageJson =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private static bool HasJsonContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool Matches(MediaTypeHeaderValue accepted, string mediaType) =>
        accepted.MatchesMediaType(mediaType) || accepted.MediaType.Equals("*/*", StringComparison.Ordinal);
}
