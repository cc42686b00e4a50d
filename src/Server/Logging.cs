using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Serverless.Server;

internal static class Logging
{
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
