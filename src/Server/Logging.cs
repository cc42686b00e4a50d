using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Serverless.Server;

internal static class Logging
{
    /// <summary>
    /// Log levels used unless configuration names others (<c>Logging__LogLevel__&lt;category&gt;</c>). The
    /// framework's per-request Information lines (request start and end, endpoint, each HTTP client step, each
    /// MCP handler) cost more than the request they describe under load; the gateway's own lines, the tool-call
    /// audit among them, and the host's lifetime lines stay at Information.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:ModelContextProtocol"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>Puts <see cref="DefaultLevels"/> beneath every other configuration source, so any of them overrides it.</summary>
    public static void UseDefaultLevels(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultLevels });

    /// <summary>Every log line goes to stderr: stdout belongs to the banner, and in stdio mode to the protocol.</summary>
    public static void ToStandardError(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // A host that fails to start (a busy port, say) rethrows, and Program prints that as one line;
        // the host's own log of it would repeat it with a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }
}
