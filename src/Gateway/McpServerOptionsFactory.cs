using System.Reflection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Microsoft.Extensions.Logging;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Grants;
using Serverless.Gateway.Protocol;
using Serverless.Gateway.Search;
using Serverless.Gateway.Telemetry;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway;

/// <summary>Server options for one request (or one stdio session) over a chosen set of catalog tools.</summary>
public sealed class McpServerOptionsFactory(ILoggerFactory loggerFactory)
{
    private readonly ILogger _audit = loggerFactory.CreateLogger("Serverless.Gateway.Audit");

    public const string ServerName = "serverless-mcp-gateway";

    public static string Version { get; } =
        typeof(McpServerOptionsFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private const string Instructions =
        "Tools named in snake_case act on Pilot Status (WhatsApp messaging); kebab-case tools act on Chili Piper (scheduling and routing). " +
        "Failed calls return isError with the upstream, its code and what to do next. Writes are never retried automatically. " +
        "Bookings (the *-schedule tools) work only on a session opened through this gateway; repeating one returns the recorded booking (alreadyBooked) instead of booking twice.";

    /// <summary>Options for one stateless HTTP request; <paramref name="search"/> lists the search tools in place of <paramref name="tools"/>.</summary>
    public McpServerOptions Create(IEnumerable<ToolEntry> tools, bool search = false)
    {
        var options = new McpServerOptions
        {
            // Tools resolve their clients and the caller's credentials from the request's own scope.
            ScopeRequests = false,
        };
        Configure(options, tools, _audit);
        if (search)
        {
            // First of all filters: call_tool becomes the named tool's call before audit, grants and ledger see it.
            options.Filters.Request.CallToolFilters.Insert(0, SearchRoute.CallFilter());
            options.Filters.Request.ListToolsFilters.Add(SearchRoute.ListFilter());
        }

        return options;
    }

    /// <summary>Fills server identity, capabilities and tools into options the host created (stdio).</summary>
    public static void Configure(McpServerOptions options, IEnumerable<ToolEntry> tools, ILogger audit)
    {
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var entry in tools)
        {
            collection.Add(entry.Tool);
        }

        options.ServerInfo = new Implementation { Name = ServerName, Title = "Serverless MCP Gateway", Version = Version };
        options.ServerInstructions = Instructions;
        options.Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = false } };
        options.ToolCollection = collection;
        // Audit first, so it also sees the grant's and the ledger's refusals; the grant check comes before the
        // ledger so a refused call records nothing. The ledger needs BookingLedger in the call's services.
        options.Filters.Request.CallToolFilters.Add(ToolCallAudit.Filter(audit));
        options.Filters.Request.CallToolFilters.Add(CredentialGapFilter.Filter());
        options.Filters.Request.CallToolFilters.Add(GrantFilter.Filter());
        options.Filters.Request.CallToolFilters.Add(BookingLedgerFilter.Filter());
        options.Filters.Message.OutgoingFilters.Add(OutgoingScrubbing.Filter());
    }
}
