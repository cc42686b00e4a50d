namespace Serverless.Sandbox.Infrastructure;

internal static class SandboxIds
{
    /// <summary>Vendor-style prefixed id, e.g. <c>msg_3f2a…</c>; random so ids never collide across restarts.</summary>
    public static string New(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..24];

    public static string NewUuid() => Guid.NewGuid().ToString("D");
}
