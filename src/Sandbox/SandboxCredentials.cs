namespace Serverless.Sandbox;

/// <summary>
/// Well-known secrets accepted by the sandbox twin. They only ever unlock in-memory demo data,
/// so publishing them is deliberate: anyone can point the gateway at the sandbox without setup.
/// </summary>
public static class SandboxCredentials
{
    public const string PilotStatusTenantKey = "ps_sandbox_tenant";
    public const string PilotStatusNumberKey1 = "ps_sandbox_number_1";
    public const string PilotStatusNumberKey2 = "ps_sandbox_number_2";

    /// <summary>Holds every Chili Piper permission.</summary>
    public const string ChiliPiperAdminToken = "cp_sandbox_admin";

    /// <summary>Holds only the <c>*.read</c> permissions and <c>api.ping</c>, so writes are refused with 403.</summary>
    public const string ChiliPiperReadOnlyToken = "cp_sandbox_readonly";
}
