namespace Serverless.Tools.Errors;

/// <summary>An argument the tool refused before calling the upstream.</summary>
public sealed class ToolArgumentException(string parameter, string message, string? code = null) : Exception(message)
{
    public string Parameter { get; } = parameter;

    /// <summary>A vendor-style code when the rule mirrors one the upstream would return.</summary>
    public string? Code { get; } = code;
}

/// <summary>The caller sent no credential the tool's upstream accepts.</summary>
public sealed class MissingCredentialException(Serverless.Tools.Catalog.Upstream upstream, string howToFix) : Exception(howToFix)
{
    public Serverless.Tools.Catalog.Upstream Upstream { get; } = upstream;
}
