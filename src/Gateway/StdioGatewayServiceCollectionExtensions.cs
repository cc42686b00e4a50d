using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Secrets;
using Serverless.Gateway.Selection;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway;

public static class StdioGatewayServiceCollectionExtensions
{
    /// <summary>The Pilot Status key id a stdio process sends as x-api-key-id when it holds no key itself.</summary>
    public const string PilotStatusApiKeyIdKey = UpstreamOptions.PilotStatusSection + ":ApiKeyId";

    /// <summary>The number a stdio process acts on (the x-whatsapp-number-id header of a request).</summary>
    public const string PilotStatusNumberIdKey = UpstreamOptions.PilotStatusSection + ":WhatsAppNumberId";

    /// <summary>The gateway client key a managed stdio process acts as.</summary>
    public const string ClientKeyKey = CredentialsOptions.Section + ":ClientKey";

    /// <summary>
    /// Registers the gateway exactly as <see cref="GatewayServiceCollectionExtensions.AddMcpGateway"/> does for
    /// the HTTP hosts, then the one caller a stdio process acts as (configuration stands in for the request
    /// headers) and an MCP server over stdin/stdout serving the tools that caller may use.
    /// </summary>
    /// <param name="error">Why nothing can be served (no credential, no such client, a bad selection); null on success.</param>
    public static bool TryAddMcpGatewayOverStdio(this IServiceCollection services, IConfiguration configuration, out string? error)
    {
        var catalog = ToolCatalog.CreateDefault();
        var (selection, selectionError) = ToolSelectionParser.Parse(catalog, null, false,
            configuration["Selection:Toolsets"], configuration["Selection:Tools"], configuration["Selection:ExcludeTools"], configuration["Selection:ReadOnly"]);
        if (selection is null)
        {
            error = selectionError;
            return false;
        }

        // Registered before AddMcpGateway, whose TryAdd calls then keep these: one catalog, and this process's caller.
        services.AddSingleton(catalog);
        Func<ToolEntry, bool> allowed;
        if (string.Equals(configuration[CredentialsOptions.Section + ":Mode"], nameof(CredentialsMode.Managed), StringComparison.OrdinalIgnoreCase))
        {
            // Managed: the process acts as one configured client, named by its key, within that client's grant.
            var clients = new ClientRegistry();
            clients.Load(configuration.GetSection(ClientOptions.Section));
            var key = NonEmpty(configuration[ClientKeyKey]);
            if (clients.Authenticate(key) is not { } identity)
            {
                error = "Managed credentials: set Credentials__ClientKey to the key of a configured client (Clients__<id>__KeySha256).";
                return false;
            }

            var number = NonEmpty(configuration[PilotStatusNumberIdKey]);
            services.AddScoped(sp =>
            {
                sp.GetRequiredService<KnownSecrets>().Remember(key);
                return new CurrentCaller { Identity = identity, NumberHeader = number };
            });
            allowed = entry => identity.Grant.Excludes(entry) is null;
        }
        else
        {
            var credentials = ConfiguredCredentials(configuration);
            if (!credentials.HasAny)
            {
                error = "No upstream credential: set PilotStatus__ApiKey (or PilotStatus__ApiKeyId) and/or ChiliPiper__ApiKey, or pass --sandbox.";
                return false;
            }

            services.AddScoped(sp =>
            {
                var caller = ConfiguredCredentials(configuration);
                var known = sp.GetRequiredService<KnownSecrets>();
                known.Remember(caller.PilotStatusApiKey);
                known.Remember(caller.PilotStatusApiKeyId);
                known.Remember(caller.ChiliPiperToken);
                return caller;
            });
            allowed = entry => credentials.Has(entry.Upstream);
        }

        services.AddMcpGateway(configuration);
        var tools = selection.Apply(catalog, _ => true).Where(allowed).ToArray();
        services.AddMcpServer().WithStdioServerTransport();
        services.AddOptions<McpServerOptions>().Configure<ILoggerFactory>((options, loggers) =>
            McpServerOptionsFactory.Configure(options, tools, loggers.CreateLogger("Serverless.Gateway.Audit")));
        error = null;
        return true;
    }

    /// <summary>The pass-through caller of a stdio process: the same credentials a request's headers would carry.</summary>
    public static CallerCredentials ConfiguredCredentials(IConfiguration configuration) => new()
    {
        PilotStatusApiKey = NonEmpty(configuration[$"{UpstreamOptions.PilotStatusSection}:ApiKey"]),
        PilotStatusApiKeyId = NonEmpty(configuration[PilotStatusApiKeyIdKey]),
        WhatsAppNumberId = NonEmpty(configuration[PilotStatusNumberIdKey]),
        ChiliPiperToken = NonEmpty(configuration[$"{UpstreamOptions.ChiliPiperSection}:ApiKey"]),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
