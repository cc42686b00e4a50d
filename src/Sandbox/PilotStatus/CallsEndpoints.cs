using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Voice calls, calling settings and call permissions. Meta Cloud API numbers only.</summary>
internal static partial class CallsEndpoints
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;
    private const int PermissionRequestsPerDay = 1;
    private const int PermissionRequestsPerWeek = 2;
    private const int CallsPerDay = 100;
    private static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);

    private static readonly Dictionary<string, string[]?> SettingValues = new(StringComparer.Ordinal)
    {
        ["status"] = ["ENABLED", "DISABLED"],
        ["call_icon_visibility"] = ["DEFAULT", "DISABLE_ALL"],
        ["callback_permission_status"] = ["ENABLED", "DISABLED"],
        // Objects, stored whole: a posted value replaces the previous one.
        ["call_hours"] = null,
        ["voicemail"] = null,
    };

    public static IEndpointRouteBuilder MapCallsEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/calls", KeyRequirement.Number, state, MetaOnly(Initiate));
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/calls", KeyRequirement.Number, state, MetaOnly(List));
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/calls/settings", KeyRequirement.Number, state, MetaOnly(GetSettings));
        routes.MapPilotStatusOperation(HttpMethods.Put, "/v1/calls/settings", KeyRequirement.Number, state, MetaOnly(UpdateSettings));
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/calls/permissions", KeyRequirement.Number, state, MetaOnly(GetPermission));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/calls/permissions/request", KeyRequirement.Number, state, MetaOnly(RequestPermission));
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/calls/{callId}", KeyRequirement.Number, state, MetaOnly(Get));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/calls/{callId}/accept", KeyRequirement.Number, state, MetaOnly(Accept));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/calls/{callId}/reject", KeyRequirement.Number, state, MetaOnly(Reject));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/calls/{callId}/terminate", KeyRequirement.Number, state, MetaOnly(Terminate));
        return routes;
    }

    private static IResult Initiate(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        var root = body.Root;
        if (ReadPhone(root, out var peer) is { } badPhone)
        {
            return badPhone;
        }

        if (!JsonFields.TryGetString(root, "sdp", out var sdp) || string.IsNullOrWhiteSpace(sdp))
        {
            return PilotStatusErrors.Validation("sdp (the SDP offer of your WebRTC client) is required for Meta numbers.");
        }

        if (!JsonFields.TryGetString(root, "sdpType", out var sdpType) || (sdpType is not null && sdpType != "offer"))
        {
            return PilotStatusErrors.Validation("sdpType must be offer.");
        }

        if (!JsonFields.TryGetString(root, "bizOpaqueCallbackData", out var opaque))
        {
            return PilotStatusErrors.Validation("bizOpaqueCallbackData must be a string.");
        }

        var state = call.State;
        var number = call.Number;
        if (state.Calls.CallSettings.GetValueOrDefault(number.Id)?["calling"]?["status"]?.GetValue<string>() != "ENABLED")
        {
            return PilotStatusErrors.Validation("Calling is disabled on this number; enable it with PUT /v1/calls/settings.");
        }

        var now = call.Now;
        if (!state.Calls.Permission(number.Id, peer!).AllowsCallsAt(now))
        {
            return PilotStatusErrors.BadRequest(CallErrorCodes.PermissionRequired,
                "The user has not granted permission for business-initiated calls (Meta error 138006). Request it with POST /v1/calls/permissions/request.");
        }

        if (CallsToday(state, number.Id, peer!, now) >= CallsPerDay)
        {
            return PilotStatusErrors.BadRequest(CallErrorCodes.CallLimit, $"At most {CallsPerDay} calls to one user in 24 hours.");
        }

        var voiceCall = new VoiceCall
        {
            Id = SandboxIds.New("call"),
            ExternalCallId = "wacid." + Guid.NewGuid().ToString("N").ToUpperInvariant(),
            NumberId = number.Id,
            Direction = MessageDirections.Outbound,
            PeerNumber = peer!,
            Status = CallStatuses.Initiated,
            SdpOffer = sdp,
            BizOpaqueCallbackData = opaque,
            CreatedAt = now,
            StartedAt = now,
            UpdatedAt = now,
            RingAt = now + VoiceCall.RingDelay,
            AnswerAt = now + VoiceCall.AnswerDelay,
        };
        state.Calls.CallList.Add(voiceCall);
        return SandboxJson.Result(new CallCreated(voiceCall.Id, voiceCall.ExternalCallId, voiceCall.Status), statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(PilotStatusCall call)
    {
        var limit = DefaultLimit;
        var rawLimit = call.Query["limit"].ToString();
        if (rawLimit.Length > 0 && (!int.TryParse(rawLimit, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return PilotStatusErrors.Validation($"limit must be an integer between 1 and {MaxLimit}.");
        }

        DateTimeOffset? before = null;
        var rawBefore = call.Query["before"].ToString();
        if (rawBefore.Length > 0)
        {
            if (!SandboxHttp.TryParseInstant(rawBefore, out var parsed))
            {
                return PilotStatusErrors.Validation("before must be an ISO-8601 date-time.");
            }

            before = parsed;
        }

        var calls = call.State.Calls.CallList
            .Where(c => c.NumberId == call.Number.Id && c.CreatedAt <= call.Now && (before is null || c.CreatedAt < before))
            .OrderByDescending(c => c.CreatedAt)
            .Take(limit)
            .Select(c => new CallListItem(c.Id, c.ExternalCallId, c.Direction, c.Status, c.PeerNumber, c.DurationSeconds,
                c.StartedAt, c.ConnectedAt, c.EndedAt, c.CreatedAt, c.UpdatedAt))
            .ToArray();
        return SandboxJson.Result(new CallPage(calls));
    }

    private static IResult Get(PilotStatusCall call)
    {
        if (Find(call, out var c) is { } notFound)
        {
            return notFound;
        }

        var withSdp = call.Query["includeSdp"].ToString() is "1" or "true";
        return SandboxJson.Result(new CallDetail(c!.Id, c.ExternalCallId, c.Direction, c.Status, c.PeerNumber, c.DurationSeconds,
            c.StartedAt, c.ConnectedAt, c.EndedAt, withSdp ? c.SdpOffer : null, withSdp ? c.SdpAnswer : null,
            c.BizOpaqueCallbackData, c.CreatedAt, c.UpdatedAt));
    }

    private static IResult Accept(PilotStatusCall call, JsonBody body)
    {
        if (Find(call, out var c) is { } notFound)
        {
            return notFound;
        }

        if (!body.IsObject || !JsonFields.TryGetString(body.Root, "sdp", out var sdp) || string.IsNullOrWhiteSpace(sdp))
        {
            return PilotStatusErrors.Validation("sdp (the SDP answer of your WebRTC client) is required to accept a call on a Meta number.");
        }

        if (!JsonFields.TryGetString(body.Root, "sdpType", out var sdpType) || (sdpType is not null && sdpType != "answer"))
        {
            return PilotStatusErrors.Validation("sdpType must be answer.");
        }

        if (!c!.IsInbound || c.Status != CallStatuses.Ringing)
        {
            return WrongState(c, "only a ringing inbound call can be accepted");
        }

        var now = call.Now;
        c.Status = CallStatuses.Accepted;
        c.SdpAnswer = sdp;
        c.ConnectedAt = now;
        c.UpdatedAt = now;
        c.MissAt = null;
        c.HangUpAt = now + VoiceCall.TalkTime;
        call.State.Calls.PublishCall(c, "call.connected", now);
        return SandboxJson.Result(new CallAction(true, c.Id, c.Status));
    }

    private static IResult Reject(PilotStatusCall call)
    {
        if (Find(call, out var c) is { } notFound)
        {
            return notFound;
        }

        if (!c!.IsInbound || c.Status != CallStatuses.Ringing)
        {
            return WrongState(c, "only a ringing inbound call can be rejected; hang up other calls with terminate");
        }

        call.State.Calls.End(c, CallStatuses.Rejected, call.Now);
        return SandboxJson.Result(new CallAction(true, c.Id, c.Status));
    }

    private static IResult Terminate(PilotStatusCall call)
    {
        if (Find(call, out var c) is { } notFound)
        {
            return notFound;
        }

        if (c!.HasEnded || (c.IsInbound && c.Status == CallStatuses.Ringing))
        {
            return WrongState(c, c.HasEnded ? "the call has already ended" : "a ringing inbound call is declined with reject");
        }

        call.State.Calls.End(c, CallStatuses.Completed, call.Now);
        return SandboxJson.Result(new CallAction(true, c.Id, c.Status));
    }

    private static IResult GetSettings(PilotStatusCall call)
        => SandboxJson.Result(Settings(call).DeepClone());

    private static IResult UpdateSettings(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        foreach (var property in body.Root.EnumerateObject())
        {
            if (property.Name == "sip")
            {
                return PilotStatusErrors.Validation("sip cannot be configured through the API.");
            }

            if (!SettingValues.TryGetValue(property.Name, out var allowed))
            {
                return PilotStatusErrors.Validation($"Unknown calling setting '{property.Name}'. Allowed: {string.Join(", ", SettingValues.Keys)}.");
            }

            var valid = allowed is null
                ? property.Value.ValueKind == JsonValueKind.Object
                : property.Value.ValueKind == JsonValueKind.String && allowed.Contains(property.Value.GetString());
            if (!valid)
            {
                return PilotStatusErrors.Validation(allowed is null
                    ? $"{property.Name} must be an object."
                    : $"{property.Name} must be one of {string.Join(", ", allowed)}.");
            }
        }

        var calling = Settings(call)["calling"]!.AsObject();
        foreach (var property in body.Root.EnumerateObject())
        {
            calling[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return SandboxJson.Result(new SettingsUpdated(true));
    }

    private static IResult GetPermission(PilotStatusCall call)
    {
        var raw = call.Query["to"].ToString();
        if (!TryPeer(raw, out var peer))
        {
            return PilotStatusErrors.Validation("to is required: the user's phone number in E.164.");
        }

        var now = call.Now;
        var permission = call.State.Calls.Permission(call.Number.Id, peer);
        var status = permission.StatusAt(now);
        var (day, week) = RequestsMade(permission, now);
        var calls = CallsToday(call.State, call.Number.Id, peer, now);
        var answer = new JsonObject
        {
            ["permission"] = new JsonObject
            {
                ["status"] = status,
                ["expiration_time"] = status == CallPermission.Temporary ? permission.ExpiresAt?.ToUnixTimeSeconds() : null,
            },
            ["actions"] = new JsonArray(
                Action("send_call_permission_request", day < PermissionRequestsPerDay && week < PermissionRequestsPerWeek,
                    Limit("PT24H", PermissionRequestsPerDay, day), Limit("P7D", PermissionRequestsPerWeek, week)),
                Action("start_call", permission.AllowsCallsAt(now) && calls < CallsPerDay, Limit("PT24H", CallsPerDay, calls))),
        };
        return SandboxJson.Result(answer);
    }

    private static IResult RequestPermission(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        if (ReadPhone(body.Root, out var peer) is { } badPhone)
        {
            return badPhone;
        }

        if (!JsonFields.TryGetString(body.Root, "text", out _))
        {
            return PilotStatusErrors.Validation("text must be a string.");
        }

        var state = call.State;
        var now = call.Now;
        var conversation = state.FindDirectConversation(call.Number.Id, "+" + peer);
        if (conversation is null || state.LastInboundAt(conversation.Id) is not { } lastInbound || now - lastInbound > CustomerServiceWindow)
        {
            return PilotStatusErrors.BadRequest(PilotStatusErrorCodes.MetaOutside24HWindow,
                "Call permission requests can only be sent within 24 hours of the user's last message.");
        }

        var permission = state.Calls.Permission(call.Number.Id, peer!);
        var (day, week) = RequestsMade(permission, now);
        if (day >= PermissionRequestsPerDay || week >= PermissionRequestsPerWeek)
        {
            return PilotStatusErrors.BadRequest(CallErrorCodes.PermissionRequestLimit,
                $"Call permission request limit reached for this user (Meta error 138009): {PermissionRequestsPerDay} per 24 hours, {PermissionRequestsPerWeek} per 7 days.");
        }

        permission.RequestedAt.Add(now);
        permission.GrantAt = now + CallPermission.AnswerDelay;
        return SandboxJson.Result(new PermissionRequested("wamid.HBgM" + Guid.NewGuid().ToString("N").ToUpperInvariant()));
    }

    private static PilotStatusHandler MetaOnly(PilotStatusHandler handler)
        => call => call.Number.IsMeta ? handler(call) : NotSupported();

    private static PilotStatusBodyHandler MetaOnly(PilotStatusBodyHandler handler)
        => (call, body) => call.Number.IsMeta ? handler(call, body) : NotSupported();

    private static IResult NotSupported()
        => PilotStatusErrors.BadRequest(CallErrorCodes.FeatureNotSupported, "Voice calls are only available on Meta Cloud API numbers.");

    private static IResult? Find(PilotStatusCall call, out VoiceCall? voiceCall)
    {
        var id = call.Route("callId") ?? string.Empty;
        voiceCall = call.State.Calls.FindCall(call.Number.Id, id);
        return voiceCall is null
            ? PilotStatusErrors.NotFound(CallErrorCodes.CallNotFound, $"Call '{id}' was not found for this number.")
            : null;
    }

    private static IResult WrongState(VoiceCall call, string rule)
        => PilotStatusErrors.BadRequest(CallErrorCodes.InvalidCallState, $"Call is {call.Status} ({call.Direction}); {rule}.");

    private static IResult? ReadPhone(JsonElement root, out string? peer)
    {
        peer = null;
        if (!JsonFields.TryGetString(root, "to", out var to) || !TryPeer(to, out var digits))
        {
            return PilotStatusErrors.Validation("to is required: the user's phone number in E.164.");
        }

        peer = digits;
        return null;
    }

    private static bool TryPeer(string? phone, out string peer)
    {
        peer = phone is null ? string.Empty : CallsState.Digits(phone);
        return phone is not null && E164().IsMatch(phone.Trim());
    }

    private static JsonObject Settings(PilotStatusCall call)
    {
        if (!call.State.Calls.CallSettings.TryGetValue(call.Number.Id, out var settings))
        {
            settings = new JsonObject { ["calling"] = new JsonObject { ["status"] = "DISABLED" } };
            call.State.Calls.CallSettings[call.Number.Id] = settings;
        }

        return settings;
    }

    private static (int Day, int Week) RequestsMade(CallPermission permission, DateTimeOffset now)
        => (permission.RequestedAt.Count(at => now - at < TimeSpan.FromDays(1)), permission.RequestedAt.Count(at => now - at < TimeSpan.FromDays(7)));

    private static int CallsToday(PilotStatusState state, string numberId, string peer, DateTimeOffset now)
        => state.Calls.CallList.Count(c => c.NumberId == numberId && c.PeerNumber == peer && !c.IsInbound && now - c.CreatedAt < TimeSpan.FromDays(1));

    private static JsonObject Action(string name, bool canPerform, params JsonObject[] limits)
        => new()
        {
            ["action_name"] = name,
            ["can_perform_action"] = canPerform,
            ["limits"] = new JsonArray(limits),
        };

    private static JsonObject Limit(string period, int max, int usage)
        => new() { ["time_period"] = period, ["max_allowed"] = max, ["current_usage"] = usage };

    [GeneratedRegex(@"^\+?[1-9]\d{7,14}$")]
    private static partial Regex E164();
}

/// <summary>Call codes of the vendor, beside the shared ones in <see cref="PilotStatusErrorCodes"/>.</summary>
internal static class CallErrorCodes
{
    public const string FeatureNotSupported = "FEATURE_NOT_SUPPORTED";
    public const string CallNotFound = "CALL_NOT_FOUND";
    public const string PermissionRequired = "META_CALL_PERMISSION_REQUIRED";
    public const string PermissionRequestLimit = "META_CALL_PERMISSION_REQUEST_LIMIT";
    public const string InvalidCallState = "INVALID_CALL_STATE";
    public const string CallLimit = "META_CALL_LIMIT_REACHED";
}
