using System.Security.Cryptography;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>API keys, subscription, billing, branding, analytics and media.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/api-keys", KeyRequirement.Tenant, state, ListKeys);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/api-keys", KeyRequirement.Tenant, state, RegenerateNumberKey);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/subscription/extra-numbers", KeyRequirement.Tenant, state, SubscriptionEndpoints.Preview);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/subscription/extra-numbers", KeyRequirement.Tenant, state, SubscriptionEndpoints.Add);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/billing/checkout", KeyRequirement.Tenant, state, SubscriptionEndpoints.Checkout);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/branding", KeyRequirement.Tenant, state, BrandingEndpoints.Get);
        routes.MapPilotStatusOperation(HttpMethods.Put, "/v1/branding", KeyRequirement.Tenant, state, BrandingEndpoints.Upsert);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/analytics/dashboard", KeyRequirement.Number, state, AnalyticsEndpoints.Dashboard);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/media/{mediaId}", KeyRequirement.Number, state, MediaEndpoints.Get);
        return routes;
    }

    private static IResult ListKeys(PilotStatusCall call)
    {
        var state = call.State;
        var items = state.NumberList
            .Where(n => n.TenantId == call.Caller.Key.TenantId)
            .Select(n => NumberKey(state, n) is { } key
                ? new ApiKeyListItem(n.Id, n.PhoneNumber, n.DisplayName, key.Id, Last4(key.Secret), key.Secret, true)
                : new ApiKeyListItem(n.Id, n.PhoneNumber, n.DisplayName, null, null, null, false))
            .ToArray();
        return SandboxJson.Result(items);
    }

    private static IResult RegenerateNumberKey(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject || !JsonFields.TryGetString(body.Root, "whatsappNumberId", out var numberId) || string.IsNullOrWhiteSpace(numberId))
        {
            return PilotStatusErrors.Validation("whatsappNumberId is required.");
        }

        var state = call.State;
        var number = state.FindNumber(call.Caller.Key.TenantId, numberId.Trim());
        if (number is null)
        {
            return PilotStatusErrors.NotFound(PilotStatusErrorCodes.NumberNotFound, "WhatsApp number not found.");
        }

        // A new key record, not a new secret on the old one: the old secret and the old key id both stop working.
        var old = NumberKey(state, number);
        var fresh = new PilotStatusApiKey
        {
            Id = SandboxIds.New("key"),
            Secret = "ps_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            Name = old?.Name ?? number.DisplayName,
            Scope = ApiKeyScope.Number,
            TenantId = number.TenantId,
            NumberId = number.Id,
            CreatedAt = call.Now,
        };
        var index = old is null ? -1 : state.ApiKeyList.IndexOf(old);
        if (index >= 0)
        {
            state.ApiKeyList[index] = fresh;
        }
        else
        {
            state.ApiKeyList.Add(fresh);
        }

        return SandboxJson.Result(
            new RegeneratedApiKey(fresh.Id, fresh.Name, fresh.Secret, fresh.Secret[..7], Last4(fresh.Secret), "number", number.Id, fresh.CreatedAt),
            statusCode: StatusCodes.Status201Created);
    }

    private static PilotStatusApiKey? NumberKey(PilotStatusState state, WhatsAppNumber number)
        => state.ApiKeyList.Find(k => k.Scope == ApiKeyScope.Number && k.NumberId == number.Id && k.TenantId == number.TenantId);

    private static string Last4(string secret) => secret.Length > 4 ? secret[^4..] : secret;
}

/// <summary>Machine codes of the account endpoints that the shared list does not hold.</summary>
internal static class AccountErrorCodes
{
    public const string ConfirmationRequired = "CONFIRMATION_REQUIRED";
    public const string MediaNotFound = "MEDIA_NOT_FOUND";
}
