using Serverless.Gateway.Grants;

namespace Serverless.Gateway.Callers;

/// <summary>The managed caller behind the current request (one per request scope); empty in pass-through mode.</summary>
public sealed class CurrentCaller
{
    public CallerIdentity? Identity { get; set; }

    /// <summary>The x-whatsapp-number-id header: the number a call acts on when its arguments name none.</summary>
    public string? NumberHeader { get; set; }
}
