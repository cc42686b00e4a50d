namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Health and tenant endpoints.</summary>
internal static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/health/ping", ChiliPiperOperations.HealthPing, state,
            _ => SandboxJson.Result("ok"));

        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/tenant/get", ChiliPiperOperations.TenantGet, state, call =>
        {
            var tenant = call.State.Tenant;
            return SandboxJson.Result(
                new TenantInfoResponse(tenant.Type, new TenantData(tenant.TenantId, tenant.Cluster, tenant.Subdomain), tenant.Domains));
        });

        return routes;
    }
}
