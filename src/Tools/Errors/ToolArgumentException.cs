namespace Serverless.Tools.Errors;

/// <summary>An argument the tool refused before calling the upstream.</summary>
/// <param name="next">What to do instead, when more can be said than "fix the argument".</param>
public sealed class ToolArgumentException(string parameter, string message, string? code = null, string? next = null) : Exception(message)
{
    public string Parameter { get; } = parameter;

    /// <summary>A vendor-style code when the rule mirrors one the upstream would return.</summary>
    public string? Code { get; } = code;

    public string? Next { get; } = next;
}

/// <summary>
/// No credential the tool's upstream accepts: the caller sent none, or (managed mode) the deployment cannot
/// obtain the key the call needs. The message says how to fix it and never holds a credential.
/// </summary>
public sealed class MissingCredentialException(Serverless.Tools.Catalog.Upstream upstream, string howToFix, string code = MissingCredentialException.DefaultCode)
    : Exception(howToFix)
{
    public const string DefaultCode = "CREDENTIAL_MISSING";

    public Serverless.Tools.Catalog.Upstream Upstream { get; } = upstream;

    /// <summary>CREDENTIAL_MISSING, or a more precise code such as SECRET_MISSING.</summary>
    public string Code { get; } = code;
}
