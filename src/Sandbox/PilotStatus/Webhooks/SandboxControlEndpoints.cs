using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Sandbox.Infrastructure;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// Sandbox-only controls, outside the vendor's <c>/v1</c> surface: they stand in for what happens on the
/// contacts' phones. The real API has nothing like them.
/// </summary>
internal static class SandboxControlEndpoints
{
    /// <summary>Relative to the Pilot Status prefix, e.g. <c>http://127.0.0.1:port/pilotstatus/_sandbox/inbound</c>.</summary>
    public const string InboundPath = "/_sandbox/inbound";

    public static IEndpointRouteBuilder MapSandboxControlEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Post, InboundPath, KeyRequirement.Either, state, Inbound);
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
        string? from = null, text = null, fromName = null, groupId = null, quoted = null, numberId = null;
        if (!JsonFields.TryGetString(root, "from", out from)
            || !JsonFields.TryGetString(root, "text", out text)
            || !JsonFields.TryGetString(root, "fromName", out fromName)
            || !JsonFields.TryGetString(root, "groupId", out groupId)
            || !JsonFields.TryGetString(root, "quotedMessageId", out quoted)
            || !JsonFields.TryGetString(root, "whatsappNumberId", out numberId))
        {
            return PilotStatusErrors.Validation("from, text, fromName, groupId, quotedMessageId and whatsappNumberId must be strings.");
        }

        var number = call.Caller.Number;
        if (number is null)
        {
            if (string.IsNullOrWhiteSpace(numberId))
            {
                return PilotStatusErrors.BadRequest(PilotStatusErrorCodes.NumberRequired, "Name the receiving number: whatsappNumberId or the x-whatsapp-number-id header.");
            }

            number = call.State.FindNumber(call.Caller.Key.TenantId, numberId.Trim());
            if (number is null)
            {
                return PilotStatusErrors.NotFound(PilotStatusErrorCodes.NumberNotFound, "WhatsApp number not found.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(numberId) && numberId.Trim() != number.Id)
        {
            return PilotStatusErrors.BadRequest(WebhooksEndpoints.NumberMismatch, "whatsappNumberId does not match the number of this API key.");
        }

        var request = InboundRequest.Create(number, from, text, fromName, groupId, quoted, out var problem);
        if (request is null)
        {
            return problem!.Value.Field == "groupId" && number.IsMeta
                ? PilotStatusErrors.NotSupportedForMeta(problem.Value.Message)
                : PilotStatusErrors.Validation(problem.Value.Message);
        }

        var received = call.State.ReceiveInbound(number, request, call.Now);
        return Results.Json(
            new InboundSimulationResponse(received.Id, received.ConversationId, received.MessageId, received.Events, received.CreatedAt),
            SandboxJson.Options,
            statusCode: StatusCodes.Status201Created);
    }
}
