namespace Serverless.Sandbox.ChiliPiper;

/// <summary>An Edge operation and the token permission it requires; the 403 message names both.</summary>
internal sealed record ChiliPiperOperation(string OperationId, string Permission);

/// <summary>Catalogue of the operations the twin serves (operation ids as in the vendor's Edge catalogue).</summary>
internal static partial class ChiliPiperOperations
{
    public static readonly ChiliPiperOperation HealthPing = new("healthPing", "api.ping");
    public static readonly ChiliPiperOperation TenantGet = new("tenantGet", "tenant.read");

    public static readonly ChiliPiperOperation UserFind = new("userFind", "user.read");
    public static readonly ChiliPiperOperation UserFindByFilter = new("userFindByFilter", "user.read");
    public static readonly ChiliPiperOperation UserFindByIds = new("userFindByIds", "user.read");
    public static readonly ChiliPiperOperation UserRead = new("userRead", "user.read");
    public static readonly ChiliPiperOperation UserInvite = new("userInvite", "user.create");
    public static readonly ChiliPiperOperation UserUpdateLicenses = new("userUpdateLicenses", "licenses.modify");
}
