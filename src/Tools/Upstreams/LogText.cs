namespace Serverless.Tools.Upstreams;

/// <summary>Keeps caller-controlled values short in log lines, so one huge id cannot flood the logs.</summary>
public static class LogText
{
    public const int MaxLength = 200;

    public static string Shorten(string? value) =>
        value is null ? "" : value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), $"…(+{value.Length - MaxLength} chars)");
}
