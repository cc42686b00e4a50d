namespace Serverless.Tools.Upstreams;

/// <summary>
/// Supplies the upstream credential of one call when the deployment holds the vendor keys (managed mode).
/// The gateway decides which key a call needs; the typed clients only ask for it when they send.
/// </summary>
public interface IManagedCredentials
{
    /// <param name="refresh">True after the upstream answered 401: read the key again, bypassing every cache (rotation).</param>
    /// <exception cref="Errors.MissingCredentialException">The key is not available; the message names the secret.</exception>
    ValueTask<UpstreamCredential> GetAsync(Upstream upstream, bool refresh, CancellationToken cancellationToken);
}

/// <summary>The key to send, and for Pilot Status the number a tenant key acts on.</summary>
public sealed record UpstreamCredential(string Secret, string? WhatsAppNumberId = null)
{
    public override string ToString() => $"UpstreamCredential(number: {WhatsAppNumberId ?? "none"})";
}
