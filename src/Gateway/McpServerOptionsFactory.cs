using System.Collections.Concurrent;
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

/// <summary>
/// Server options over a chosen set of catalog tools, for one request (or one stdio session). The options of a
/// tool set are built once and shared by every request that selects the same tools: the SDK only reads them.
/// </summary>
public sealed class McpServerOptionsFactory(ILoggerFactory loggerFactory)
{
    // Selections are combinations of toolsets, tools, read-only and grants; past this many distinct ones the
    // rest are built per request rather than held, so memory stays bounded whatever callers ask for.
    private const int MaxCachedSelections = 1024;
    private const int MaxIndexedTools = 4096;

    private readonly ILogger _audit = loggerFactory.CreateLogger("Serverless.Gateway.Audit");
    private readonly ConcurrentDictionary<string, McpServerOptions> _bySelection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ToolEntry, int> _toolIndex = new(ReferenceEqualityComparer.Instance);

    public const string ServerName = "serverless-mcp-gateway";

    public static string Version { get; } =
        typeof(McpServerOptionsFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private const string Instructions =
        "Tools named in snake_case act on Pilot Status (WhatsApp messaging); kebab-case tools act on Chili Piper (scheduling and routing). " +
        "Failed calls return isError with the upstream, its code and what to do next. Writes are never retried automatically. " +
        "Bookings (the *-schedule tools) work only on a session opened through this gateway; repeating one returns the recorded booking (alreadyBooked) instead of booking twice.";

    /// <summary>
    /// Options for stateless HTTP requests over <paramref name="tools"/>, shared by every request with the same tools;
    /// <paramref name="search"/> lists the search tools in place of <paramref name="tools"/>.
    /// </summary>
    public McpServerOptions Create(IReadOnlyList<ToolEntry> tools, bool search = false)
    {
        if (SelectionKey(tools) is not { } selection)
        {
            return Build(tools, search);
        }

        var key = search ? "s" + selection : "t" + selection;
        if (_bySelection.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var options = Build(tools, search);
        return _bySelection.Count < MaxCachedSelections ? _bySelection.GetOrAdd(key, options) : options;
    }

    private McpServerOptions Build(IEnumerable<ToolEntry> tools, bool search)
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

    // One bit per catalog tool, sixteen to a char: a short key whatever the selection, in catalog order.
    private string? SelectionKey(IReadOnlyList<ToolEntry> tools)
    {
        Span<int> indexes = tools.Count <= 256 ? stackalloc int[tools.Count] : new int[tools.Count];
        var highest = -1;
        for (var i = 0; i < tools.Count; i++)
        {
            if (!_toolIndex.TryGetValue(tools[i], out var index))
            {
                if (_toolIndex.Count >= MaxIndexedTools)
                {
                    return null;
                }

                index = _toolIndex.GetOrAdd(tools[i], _ => Interlocked.Increment(ref _nextIndex) - 1);
            }

            indexes[i] = index;
            highest = Math.Max(highest, index);
        }

        var chars = highest < 0 ? 1 : highest / 16 + 1;
        Span<char> key = chars <= 256 ? stackalloc char[chars] : new char[chars];
        key.Clear();
        foreach (var index in indexes)
        {
            key[index / 16] |= (char)(1 << (index % 16));
        }

        return new string(key);
    }

    private int _nextIndex;

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
