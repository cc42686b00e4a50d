namespace Serverless.Sandbox.PilotStatus;

/// <summary>A call event as the twin raised it, kept so its history can be inspected.</summary>
public sealed record PublishedCallEvent(string NumberId, string Event, JsonObject Payload);

/// <summary>Voice calls of the Meta number: calls, permissions, settings and the call events raised.</summary>
public sealed class CallsState
{
    private readonly PilotStatusState _core;

    internal CallsState(PilotStatusState core) => _core = core;

    internal List<VoiceCall> CallList { get; } = [];

    internal List<CallPermission> CallPermissionList { get; } = [];

    /// <summary>Calling settings per number id, as Meta's <c>{ calling: { … } }</c> object.</summary>
    internal Dictionary<string, JsonObject> CallSettings { get; } = new(StringComparer.Ordinal);

    internal List<PublishedCallEvent> CallEventList { get; } = [];

    /// <summary>Every call.* event raised so far, oldest first.</summary>
    public IReadOnlyList<PublishedCallEvent> GetCallEvents() => _core.Snapshot(CallEventList);

    internal void Seed(DateTimeOffset now)
    {
        var meta = CallsSeed.NumberId;
        CallSettings[meta] = new JsonObject
        {
            ["calling"] = new JsonObject
            {
                ["status"] = "ENABLED",
                ["call_icon_visibility"] = "DEFAULT",
                ["callback_permission_status"] = "ENABLED",
                ["call_hours"] = new JsonObject { ["status"] = "DISABLED" },
            },
        };

        CallPermissionList.Add(new CallPermission { NumberId = meta, Peer = Digits(CallsSeed.PermittedContactPhone), GrantedStatus = CallPermission.Permanent });
        CallPermissionList.Add(new CallPermission { NumberId = meta, Peer = Digits(CallsSeed.UnpermittedContactPhone) });

        var permitted = Digits(CallsSeed.PermittedContactPhone);
        var unpermitted = Digits(CallsSeed.UnpermittedContactPhone);
        CallList.Add(SeededCall(CallsSeed.CompletedCallId, MessageDirections.Outbound, permitted, CallStatuses.Completed,
            now.AddDays(-1), connectedAfter: TimeSpan.FromSeconds(5), endedAfter: TimeSpan.FromSeconds(125)));
        CallList.Add(SeededCall(CallsSeed.MissedCallId, MessageDirections.Inbound, unpermitted, CallStatuses.Completed,
            now.AddDays(-2), connectedAfter: null, endedAfter: TimeSpan.FromSeconds(30)));

        // Rings until someone accepts or rejects it, so both can be tried at any time.
        var ringing = SeededCall(CallsSeed.RingingCallId, MessageDirections.Inbound, unpermitted, CallStatuses.Ringing,
            now.AddSeconds(-10), connectedAfter: null, endedAfter: null, sdpOffer: FakeSdp("offer"));
        CallList.Add(ringing);

        // Rings out unanswered shortly after start-up, showing a missed call and its event.
        var ringingOut = SeededCall(CallsSeed.UnansweredCallId, MessageDirections.Inbound, permitted, CallStatuses.Ringing,
            now.AddSeconds(-5), connectedAfter: null, endedAfter: null, sdpOffer: FakeSdp("offer"));
        ringingOut.MissAt = now + CallsSeed.UnansweredRingTime;
        CallList.Add(ringingOut);

        _core.Tickers.Add(AdvanceCalls);
    }

    internal VoiceCall? FindCall(string numberId, string anyId)
        => CallList.Find(c => c.NumberId == numberId && (c.Id == anyId || c.ExternalCallId == anyId));

    internal CallPermission Permission(string numberId, string peer)
    {
        var permission = CallPermissionList.Find(p => p.NumberId == numberId && p.Peer == peer);
        if (permission is null)
        {
            permission = new CallPermission { NumberId = numberId, Peer = peer };
            CallPermissionList.Add(permission);
        }

        return permission;
    }

    /// <summary>Applies every scripted contact action due by <paramref name="now"/>; a transition happens once, at its own instant.</summary>
    private void AdvanceCalls(DateTimeOffset now)
    {
        foreach (var call in CallList)
        {
            if (call.Status == CallStatuses.Initiated && call.RingAt is { } ringAt && ringAt <= now)
            {
                call.Status = CallStatuses.Ringing;
                call.UpdatedAt = ringAt;
                PublishCall(call, "call.ringing", ringAt);
            }

            if (call.Status == CallStatuses.Ringing && !call.IsInbound && call.AnswerAt is { } answerAt && answerAt <= now)
            {
                call.Status = CallStatuses.Accepted;
                call.ConnectedAt = answerAt;
                call.SdpAnswer ??= FakeSdp("answer");
                call.UpdatedAt = answerAt;
                call.HangUpAt = answerAt + VoiceCall.TalkTime;
                PublishCall(call, "call.connected", answerAt);
            }

            if (call.Status == CallStatuses.Ringing && call.IsInbound && call.MissAt is { } missAt && missAt <= now)
            {
                End(call, CallStatuses.Completed, missAt, "call.missed");
            }

            if (call.Status == CallStatuses.Accepted && call.HangUpAt is { } hangUpAt && hangUpAt <= now)
            {
                End(call, CallStatuses.Completed, hangUpAt);
            }
        }

        foreach (var permission in CallPermissionList)
        {
            if (permission.GrantAt is { } grantAt && grantAt <= now)
            {
                permission.GrantAt = null;
                if (permission.GrantedStatus != CallPermission.Permanent)
                {
                    permission.GrantedStatus = CallPermission.Temporary;
                    permission.ExpiresAt = grantAt + CallPermission.TemporaryLifetime;
                }

                PublishPermission(permission, grantAt);
            }
        }
    }

    /// <summary>Ends a call and raises its end event (<c>call.ended</c>, or <c>call.missed</c> for an unanswered inbound call).</summary>
    internal void End(VoiceCall call, string status, DateTimeOffset at, string eventName = "call.ended")
    {
        call.Status = status;
        call.EndedAt = at;
        call.UpdatedAt = at;
        call.HangUpAt = null;
        call.MissAt = null;
        PublishCall(call, eventName, at);
    }

    internal void PublishCall(VoiceCall call, string eventName, DateTimeOffset at)
    {
        var number = _core.NumberList.Find(n => n.Id == call.NumberId);
        var peer = "+" + call.PeerNumber;
        var payload = new JsonObject
        {
            ["event"] = eventName,
            ["id"] = SandboxIds.New("evt"),
            ["numberId"] = call.NumberId,
            ["callId"] = call.Id,
            ["externalCallId"] = call.ExternalCallId,
            ["direction"] = call.Direction,
            ["status"] = call.Status,
            ["from"] = call.IsInbound ? peer : number?.PhoneNumber,
            ["to"] = call.IsInbound ? number?.PhoneNumber : peer,
            ["createdAt"] = Instant(at),
        };
        if (eventName == "call.ended")
        {
            payload["durationSeconds"] = call.DurationSeconds;
            payload["bizOpaqueCallbackData"] = call.BizOpaqueCallbackData;
        }

        RaiseCallEvent(call.NumberId, eventName, payload);
    }

    private void PublishPermission(CallPermission permission, DateTimeOffset at)
    {
        var payload = new JsonObject
        {
            ["event"] = "call.permission_updated",
            ["id"] = SandboxIds.New("evt"),
            ["numberId"] = permission.NumberId,
            ["from"] = "+" + permission.Peer,
            ["status"] = permission.StatusAt(at).ToUpperInvariant(),
            ["expirationTime"] = permission.ExpiresAt?.ToUnixTimeSeconds(),
            ["createdAt"] = Instant(at),
        };
        RaiseCallEvent(permission.NumberId, "call.permission_updated", payload);
    }

    private void RaiseCallEvent(string numberId, string eventName, JsonObject payload)
    {
        CallEventList.Add(new PublishedCallEvent(numberId, eventName, (JsonObject)payload.DeepClone()));
        _core.Publish(numberId, eventName, payload);
        if (eventName != "call.permission_updated")
        {
            _core.Publish(numberId, "calls", MetaCallsEnvelope(numberId, eventName, payload));
        }
    }

    /// <summary>
    /// Meta's own calling webhook as Pilot Status forwards it (the <c>calls</c> event), for receivers that do their
    /// own WebRTC signalling: the call in Meta's <c>entry[].changes[].value</c> shape, snake_case.
    /// </summary>
    private JsonObject MetaCallsEnvelope(string numberId, string eventName, JsonObject payload)
    {
        var call = new JsonObject
        {
            ["id"] = payload["externalCallId"]?.DeepClone(),
            ["from"] = payload["from"]?.DeepClone(),
            ["to"] = payload["to"]?.DeepClone(),
            ["event"] = eventName switch
            {
                "call.ringing" => "connect",
                "call.connected" => "connect",
                _ => "terminate",
            },
            ["direction"] = payload["direction"]?.GetValue<string>() == "INBOUND" ? "USER_INITIATED" : "BUSINESS_INITIATED",
            ["status"] = payload["status"]?.DeepClone(),
            ["timestamp"] = SandboxHttp.TryParseInstant(payload["createdAt"]?.GetValue<string>(), out var at)
                ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                : null,
        };
        if (payload["durationSeconds"] is { } duration)
        {
            call["duration"] = duration.DeepClone();
        }

        var phoneNumberId = _core.Account.GetMetaPhoneNumberId(numberId);
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "calls",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["phone_number_id"] = phoneNumberId },
                        ["calls"] = new JsonArray(call),
                    },
                }),
            }),
        };
    }

    internal static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    internal static string FakeSdp(string kind)
        => $"v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
           + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:111 opus/48000/2\r\n"
           + $"a=setup:{(kind == "offer" ? "actpass" : "active")}\r\na=mid:0\r\na=sendrecv\r\n";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(UtcInstantConverter.Format, CultureInfo.InvariantCulture);

    private VoiceCall SeededCall(
        string id, string direction, string peer, string status, DateTimeOffset createdAt,
        TimeSpan? connectedAfter, TimeSpan? endedAfter, string? sdpOffer = null)
        => new()
        {
            Id = id,
            ExternalCallId = "wacid." + id,
            NumberId = CallsSeed.NumberId,
            Direction = direction,
            PeerNumber = peer,
            Status = status,
            SdpOffer = sdpOffer,
            CreatedAt = createdAt,
            StartedAt = createdAt,
            ConnectedAt = createdAt + connectedAfter,
            EndedAt = createdAt + endedAfter,
            UpdatedAt = createdAt + (endedAfter ?? connectedAfter ?? TimeSpan.Zero),
        };
}

/// <summary>Fixed ids of the demo calls and call permissions (all on the Meta number).</summary>
public static class CallsSeed
{
    public const string NumberId = PilotStatusSeed.NumberId1;

    /// <summary>Bruno allowed calls for good: call_initiate to him works at once.</summary>
    public const string PermittedContactPhone = PilotStatusSeed.ContactBrunoPhone;

    /// <summary>Ana never allowed calls; she wrote 2 hours ago, so a permission request to her can be sent.</summary>
    public const string UnpermittedContactPhone = PilotStatusSeed.ContactAnaPhone;

    /// <summary>Inbound call from Ana that keeps ringing until it is accepted or rejected.</summary>
    public const string RingingCallId = "call_sandbox_ringing";

    /// <summary>Inbound call from Bruno that nobody answers; it is missed <see cref="UnansweredRingTime"/> after start-up.</summary>
    public const string UnansweredCallId = "call_sandbox_unanswered";

    /// <summary>Yesterday's answered outbound call to Bruno (2 minutes).</summary>
    public const string CompletedCallId = "call_sandbox_completed";

    /// <summary>Inbound call from Ana two days ago that nobody answered.</summary>
    public const string MissedCallId = "call_sandbox_missed";

    public static readonly TimeSpan UnansweredRingTime = TimeSpan.FromSeconds(45);
}
