namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Health and tenant endpoints.</summary>
internal static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/health/ping", ChiliPiperOperations.HealthPing, state,
            _ => Results.Json("ok", SandboxJson.Options));

        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/tenant/get", ChiliPiperOperations.TenantGet, state, call =>
        {
            var tenant = call.State.Tenant;
            return Results.Json(
                new TenantInfoResponse(tenant.Type, new TenantData(tenant.TenantId, tenant.Cluster, tenant.Subdomain), tenant.Domains),
                SandboxJson.Options);
        });

        return routes;
    }
}
