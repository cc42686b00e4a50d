namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// Sandbox-only controls, outside the vendor's <c>/v1</c> surface: they stand in for what happens on the
/// contacts' phones. The real API has nothing like them.
/// </summary>
internal static class SandboxControlEndpoints
{
    /// <summary>Relative to the Pilot Status prefix, e.g. <c>http://127.0.0.1:port/pilotstatus/_sandbox/inbound</c>.</summary>
    public const string InboundPath = "/_sandbox/inbound";

    /// <summary>Stands in for the health checks that notice a number drop, degrade, get blocked or recover.</summary>
    public const string NumberStatusPath = "/_sandbox/number-status";

    /// <summary>Status names accepted by <see cref="NumberStatusPath"/>, and the event each raises.</summary>
    private static readonly Dictionary<string, string> NumberStatusEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DISCONNECTED"] = "number.disconnected",
        ["BLOCKED"] = "number.health_blocked",
        ["DEGRADED"] = "number.health_degraded",
        ["SHADOWBAN"] = "number.health_shadowban",
        ["RECOVERED"] = "number.recovered",
    };

    public static IEndpointRouteBuilder MapSandboxControlEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Post, InboundPath, KeyRequirement.Either, state, Inbound);
        routes.MapPilotStatusOperation(HttpMethods.Post, NumberStatusPath, KeyRequirement.Either, state, NumberStatus);
        return routes;
    }

    /// <summary>
    /// Body: <c>{ "from": "+5511988887777", "text": "hi", "fromName"?, "groupId"?, "quotedMessageId"?, "whatsappNumberId"? }</c>.
    /// The number is the key's own, or for the tenant key the <c>x-whatsapp-number-id</c> header or <c>whatsappNumberId</c>.
    /// </summary>
    private static IResult Inbound(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        var root = body.Root;
        string? from = null, text = null, fromName = null, groupId = null, newsletterId = null, quoted = null, numberId = null;
        if (!JsonFields.TryGetString(root, "from", out from)
            || !JsonFields.TryGetString(root, "text", out text)
            || !JsonFields.TryGetString(root, "fromName", out fromName)
            || !JsonFields.TryGetString(root, "groupId", out groupId)
            || !JsonFields.TryGetString(root, "newsletterId", out newsletterId)
            || !JsonFields.TryGetString(root, "quotedMessageId", out quoted)
            || !JsonFields.TryGetString(root, "whatsappNumberId", out numberId))
        {
            return PilotStatusErrors.Validation("from, text, fromName, groupId, newsletterId, quotedMessageId and whatsappNumberId must be strings.");
        }

        var number = ReceivingNumber(call, numberId, out var refusal);
        if (number is null)
        {
            return refusal!;
        }

        var request = InboundRequest.Create(number, from, text, fromName, groupId ?? newsletterId, quoted, out var problem);
        if (request is null)
        {
            return problem!.Value.Field == "groupId" && number.IsMeta
                ? PilotStatusErrors.NotSupportedForMeta(problem.Value.Message)
                : PilotStatusErrors.Validation(problem.Value.Message);
        }

        var received = call.State.Inbound.ReceiveInbound(number, request, call.Now);
        return SandboxJson.Result(
            new InboundSimulationResponse(received.Id, received.ConversationId, received.MessageId, received.Events, received.CreatedAt),
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Body: <c>{ "status": "DISCONNECTED" | "BLOCKED" | "DEGRADED" | "SHADOWBAN" | "RECOVERED", "whatsappNumberId"? }</c>.
    /// DISCONNECTED also closes the number's session, so sends wait until <c>numbers_connect</c> pairs it again.
    /// </summary>
    private static IResult NumberStatus(PilotStatusCall call, JsonBody body)
    {
        string? status = null, numberId = null;
        if (!body.IsObject
            || !JsonFields.TryGetString(body.Root, "status", out status)
            || !JsonFields.TryGetString(body.Root, "whatsappNumberId", out numberId)
            || status is null
            || !NumberStatusEvents.TryGetValue(status, out var eventName))
        {
            return PilotStatusErrors.Validation("status must be one of " + string.Join(", ", NumberStatusEvents.Keys) + ".");
        }

        var number = ReceivingNumber(call, numberId, out var refusal);
        if (number is null)
        {
            return refusal!;
        }

        if (eventName == "number.disconnected")
        {
            number.ConnectionStatus = NumberStates.Close;
        }

        call.State.Numbers.PublishNumberEvent(number, eventName, call.Now);
        return SandboxJson.Result(new NumberStatusSimulationResponse(number.Id, eventName, number.ConnectionStatus), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The key's own number, or for the tenant key the one named by header or <c>whatsappNumberId</c>.</summary>
    private static WhatsAppNumber? ReceivingNumber(PilotStatusCall call, string? numberId, out IResult? refusal)
    {
        refusal = null;
        var number = call.Caller.Number;
        if (number is null)
        {
            if (string.IsNullOrWhiteSpace(numberId))
            {
                refusal = PilotStatusErrors.BadRequest(PilotStatusErrorCodes.NumberRequired, "Name the number: whatsappNumberId or the x-whatsapp-number-id header.");
                return null;
            }

            number = call.State.FindNumber(call.Caller.Key.TenantId, numberId.Trim());
            if (number is null)
            {
                refusal = PilotStatusErrors.NotFound(PilotStatusErrorCodes.NumberNotFound, "WhatsApp number not found.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(numberId) && numberId.Trim() != number.Id)
        {
            refusal = PilotStatusErrors.BadRequest(WebhooksEndpoints.NumberMismatch, "whatsappNumberId does not match the number of this API key.");
            return null;
        }

        return number;
    }
}
