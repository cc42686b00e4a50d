namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// Webhook management and delivery logs. Either key works: a number key (or the tenant key with
/// <c>x-whatsapp-number-id</c>) is confined to that number's webhooks; the tenant key alone sees the whole account.
/// </summary>
internal static class WebhooksEndpoints
{
    public const string WebhookNotFound = "WEBHOOK_NOT_FOUND";
    public const string NumberMismatch = "NUMBER_MISMATCH";

    private const int MaxLogLimit = 50;

    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/webhooks", KeyRequirement.Either, state, List);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/webhooks", KeyRequirement.Either, state, Create);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/webhooks/{id}", KeyRequirement.Either, state, Get);
        routes.MapPilotStatusOperation(HttpMethods.Patch, "/v1/webhooks/{id}", KeyRequirement.Either, state, Update);
        routes.MapPilotStatusOperation(HttpMethods.Delete, "/v1/webhooks/{id}", KeyRequirement.Either, state, Delete);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/webhooks/{id}/logs", KeyRequirement.Either, state, Logs);
        routes.MapSandboxControlEndpoints(state);
        return routes;
    }

    private static IResult List(PilotStatusCall call)
        => SandboxJson.Result(Visible(call).OrderBy(w => w.CreatedAt).Select(w => ToResponse(call.State, w)).ToArray());

    private static IResult Get(PilotStatusCall call)
        => Find(call, out var webhook) ?? SandboxJson.Result(ToResponse(call.State, webhook!));

    private static IResult Create(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "url", out var url) || url is null || !IsAcceptedUrl(url))
        {
            return InvalidUrl();
        }

        if (!JsonFields.TryGetString(root, "name", out var name) || !JsonFields.TryGetString(root, "whatsappNumberId", out var numberId))
        {
            return PilotStatusErrors.Validation("name and whatsappNumberId must be strings.");
        }

        if (ReadEvents(root, out var events) is { } invalidEvents)
        {
            return invalidEvents;
        }

        var state = call.State;
        WhatsAppNumber number;
        if (call.Caller.Number is { } bound)
        {
            if (!string.IsNullOrWhiteSpace(numberId) && numberId.Trim() != bound.Id)
            {
                return PilotStatusErrors.BadRequest(NumberMismatch, "whatsappNumberId does not match the number of this API key (or of the x-whatsapp-number-id header).");
            }

            number = bound;
        }
        else if (string.IsNullOrWhiteSpace(numberId))
        {
            return PilotStatusErrors.BadRequest(PilotStatusErrorCodes.NumberRequired,
                "A webhook belongs to one WhatsApp number: send whatsappNumberId or the x-whatsapp-number-id header.");
        }
        else if (state.FindNumber(call.Caller.Key.TenantId, numberId.Trim()) is { } found)
        {
            number = found;
        }
        else
        {
            return PilotStatusErrors.NotFound(PilotStatusErrorCodes.NumberNotFound, "WhatsApp number not found.");
        }

        var now = call.Now;
        var id = SandboxIds.New("wh");
        var webhook = new Webhook
        {
            Id = id,
            TenantId = number.TenantId,
            NumberId = number.Id,
            Name = string.IsNullOrWhiteSpace(name) ? new Uri(url).Host : name.Trim(),
            Url = url,
            Events = Emittable(number, events ?? []),
            Secret = Webhook.SecretFor(id),
            CreatedAt = now,
            UpdatedAt = now,
        };
        state.Webhooks.WebhookList.Add(webhook);
        return SandboxJson.Result(ToResponse(state, webhook), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Update(PilotStatusCall call, JsonBody body)
    {
        if (Find(call, out var webhook) is { } notFound)
        {
            return notFound;
        }

        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "url", out var url) || (url is not null && !IsAcceptedUrl(url)))
        {
            return InvalidUrl();
        }

        if (!JsonFields.TryGetString(root, "name", out var name) || (name is not null && string.IsNullOrWhiteSpace(name)))
        {
            return PilotStatusErrors.Validation("name must be a non-empty string.");
        }

        if (!JsonFields.TryGetBoolean(root, "active", out var active))
        {
            return PilotStatusErrors.Validation("active must be true or false.");
        }

        if (ReadEvents(root, out var events) is { } invalidEvents)
        {
            return invalidEvents;
        }

        if (JsonFields.TryGetString(root, "whatsappNumberId", out var numberId) && numberId is not null && numberId != webhook!.NumberId)
        {
            return PilotStatusErrors.Validation("The number of a webhook cannot be changed; create a new webhook for the other number.");
        }

        var number = call.State.NumberList.Find(n => n.Id == webhook!.NumberId);
        webhook!.Url = url ?? webhook.Url;
        webhook.Name = name?.Trim() ?? webhook.Name;
        webhook.Active = active ?? webhook.Active;
        if (events is not null)
        {
            webhook.Events = number is null ? events : Emittable(number, events);
        }

        webhook.UpdatedAt = call.Now;
        return SandboxJson.Result(ToResponse(call.State, webhook));
    }

    private static IResult Delete(PilotStatusCall call)
    {
        if (Find(call, out var webhook) is { } notFound)
        {
            return notFound;
        }

        call.State.Webhooks.WebhookList.Remove(webhook!);
        call.State.Webhooks.PendingDeliveryList.RemoveAll(d => d.WebhookId == webhook!.Id && !d.InFlight);
        return SandboxJson.Result(new WebhookDeletedResponse(true, webhook!.Id));
    }

    private static IResult Logs(PilotStatusCall call)
    {
        if (Find(call, out var webhook) is { } notFound)
        {
            return notFound;
        }

        var limit = MaxLogLimit;
        if (call.Query["limit"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLogLimit))
        {
            return PilotStatusErrors.Validation($"limit must be an integer between 1 and {MaxLogLimit}.");
        }

        var eventName = call.Query["event"].ToString();
        var logs = webhook!.Logs.AsEnumerable().Reverse()
            .Where(l => eventName.Length == 0 || l.Event == eventName)
            .Take(limit)
            .Select(l => new WebhookLogItem(l.Id, l.WebhookId, l.DeliveryId, l.Event, l.Status, l.StatusCode, l.Attempt,
                l.PayloadJson(), l.Response, l.DurationMs, l.CreatedAt))
            .ToArray();
        return SandboxJson.Result(new WebhookLogPage(logs));
    }

    /// <summary>The webhooks the caller may see: its tenant's, narrowed to its number when it has one.</summary>
    private static IEnumerable<Webhook> Visible(PilotStatusCall call)
        => call.State.Webhooks.WebhookList.Where(w => w.TenantId == call.Caller.Key.TenantId
            && (call.Caller.Number is null || w.NumberId == call.Caller.Number.Id));

    private static IResult? Find(PilotStatusCall call, out Webhook? webhook)
    {
        var id = call.Route("id") ?? string.Empty;
        webhook = Visible(call).FirstOrDefault(w => w.Id == id);
        return webhook is null ? PilotStatusErrors.NotFound(WebhookNotFound, $"Webhook '{id}' not found.") : null;
    }

    /// <summary>
    /// The vendor delivers only to HTTPS. The twin also accepts plain http to a loopback host, so a test or a
    /// developer can receive deliveries on their own machine without a certificate.
    /// </summary>
    internal static bool IsAcceptedUrl(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri)
           && uri.Host.Length > 0
           && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static IResult InvalidUrl()
        => PilotStatusErrors.Validation("url is required and must be an https URL (the sandbox also accepts http to localhost / 127.0.0.1 / [::1]).");

    private static IResult? ReadEvents(JsonElement root, out IReadOnlyList<string>? events)
    {
        if (!JsonFields.TryGetStringArray(root, "events", out events))
        {
            return PilotStatusErrors.Validation("events must be an array of event names.");
        }

        var unknown = events?.Where(e => e != WebhookEvents.Everything && !WebhookEvents.All.Contains(e)).ToArray() ?? [];
        return unknown.Length == 0
            ? null
            : PilotStatusErrors.Validation($"Unknown events: {string.Join(", ", unknown)}.", new UnknownEventsDetails(unknown));
    }

    /// <summary>Events the number's provider cannot produce are dropped from the subscription without an error, as the vendor does.</summary>
    private static List<string> Emittable(WhatsAppNumber number, IReadOnlyList<string> events)
        => events.Where(e => e == WebhookEvents.Everything || WebhookEvents.CanEmit(number, e)).Distinct(StringComparer.Ordinal).ToList();

    private static WebhookResponse ToResponse(PilotStatusState state, Webhook webhook)
        => new(
            webhook.Id,
            webhook.TenantId,
            webhook.Name,
            webhook.Url,
            "LIVE",
            webhook.Active,
            [.. webhook.Events],
            [.. state.ApiKeyList.Where(k => k.NumberId == webhook.NumberId).Select(k => new WebhookApiKeyReference(k.Id, k.Name))],
            webhook.LastTriggered,
            [webhook.NumberId],
            [InstanceId(webhook.NumberId)],
            webhook.CreatedAt,
            webhook.UpdatedAt);

    /// <summary>The twin has one provider instance per number; its id is derived so it stays stable.</summary>
    private static string InstanceId(string numberId)
        => numberId.StartsWith("num_", StringComparison.Ordinal) ? "inst_" + numberId[4..] : "inst_" + numberId;
}
