using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace Serverless.Server;

internal static class FirstRequestTiming
{
    /// <summary>Logs once how long the process took from start to its first answered request (cold start).</summary>
    public static void UseFirstRequestTiming(this WebApplication app)
    {
        var logged = 0;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serverless.Server.Startup");
        app.Use(async (context, next) =>
        {
            await next(context);
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                logger.LogInformation("First request answered {ElapsedMs} ms after process start",
                    (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds);
            }
        });
    }
}
