using System.Diagnostics;
using OpenTelemetry;

namespace Serverless.Gateway.Telemetry;

/// <summary>
/// The MCP SDK describes a failed tool call's span with the result's text, which can echo argument values
/// (an id the upstream did not find). A span keeps only that it failed and the error type; the text stays
/// in the tool result, where the caller sees it. Runs before any exporter.
/// </summary>
internal sealed class SpanStatusScrubber : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.Status == ActivityStatusCode.Error && !string.IsNullOrEmpty(data.StatusDescription))
        {
            data.SetStatus(ActivityStatusCode.Error, data.GetTagItem("error.type") as string ?? "error");
        }
    }
}
