using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>WhatsApp numbers: listing, creation, connection, pairing and checks.</summary>
internal static partial class NumbersEndpoints
{
    private const int MaxCheckNumbers = 20;
    private const string RemotePairingTemplate = "pilot_status_remote_pairing";

    public static IEndpointRouteBuilder MapNumbersEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/numbers", KeyRequirement.Either, state, List);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/numbers", KeyRequirement.Either, state, Create);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/numbers/remote-pairing", KeyRequirement.Either, state, RemotePairing);
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/numbers/check", KeyRequirement.Number, state, Check);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/numbers/{id}", KeyRequirement.Either, state, Get);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/numbers/{id}/status", KeyRequirement.Either, state, Status);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/numbers/{id}/connect", KeyRequirement.Either, state, Connect);
        routes.MapPilotStatusOperation(HttpMethods.Delete, "/v1/numbers/{id}", KeyRequirement.Either, state, Delete);
        return routes;
    }

    private static IResult List(PilotStatusCall call)
    {
        var items = call.State.NumberList
            .Where(n => n.TenantId == call.Caller.Key.TenantId)
            .Select(n => Item(call.State, n))
            .ToArray();
        return SandboxJson.Result(items);
    }

    private static IResult Get(PilotStatusCall call) => WithNumber(call, number =>
    {
        if (number.Meta is { } meta && call.Query["refresh"] == "1")
        {
            number.Meta = meta with { FetchedAt = call.Now };
        }

        var item = Item(call.State, number);
        var detail = new NumberDetail(
            item.Id, item.InstanceName, item.Number, item.Name, item.Provider, item.ApiKeys, item.State, item.IsFullyConnected,
            new NumberHealth(number.QualityRating, number.MessagingLimitTier, number.MetaStatus, Sendable(number)),
            number.Meta is { } m
                ? new MetaBlock(
                    new MetaPhone(m.PhoneNumberId, number.PhoneNumber, m.VerifiedName, number.QualityRating, number.MessagingLimitTier, number.MetaStatus),
                    new MetaProfile(m.About, m.Vertical),
                    new MetaWaba(m.WabaId, m.WabaName, m.Currency, m.TimezoneId),
                    m.FetchedAt)
                : null,
            item.CreatedAt,
            item.UpdatedAt);
        return SandboxJson.Result(detail);
    });

    private static IResult Status(PilotStatusCall call) => WithNumber(call, number =>
        SandboxJson.Result(new NumberStatusResponse(number.Id, number.ConnectionStatus, number.IsOpen)));

    private static IResult Connect(PilotStatusCall call) => WithNumber(call, number =>
    {
        if (number.IsMeta)
        {
            return PilotStatusErrors.NotSupportedForMeta("Meta (official API) numbers are not paired by QR code; they connect through Meta.");
        }

        if (number.IsOpen)
        {
            return PilotStatusErrors.Error(StatusCodes.Status409Conflict, NumbersErrorCodes.AlreadyConnected, "This number is already connected (state OPEN).");
        }

        call.State.Numbers.BeginQrPairing(number, call.Now);
        return SandboxJson.Result(new NumberConnectResponse(number.Id, number.ConnectionStatus, number.QrCodeBase64!, number.PairingCode));
    });

    private static IResult Delete(PilotStatusCall call) => WithNumber(call, number =>
    {
        var state = call.State;
        number.ConnectionStatus = NumberStates.Close;
        state.Numbers.PublishNumberEvent(number, "number.removed", call.Now);
        state.NumberList.Remove(number);
        state.ApiKeyList.RemoveAll(k => k.NumberId == number.Id);
        state.Groups.GroupList.RemoveAll(g => g.NumberId == number.Id);
        state.Groups.NewsletterList.RemoveAll(n => n.NumberId == number.Id);
        return SandboxJson.Result(new NumberDeletedResponse(true, number.Id));
    });

    private static IResult Create(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Body must be a JSON object with name and number.");
        }

        if (ReadNewNumber(call, body.Root) is { } refusal)
        {
            return refusal;
        }

        if (!JsonFields.TryGetBoolean(body.Root, "linkToApiKey", out var link))
        {
            return PilotStatusErrors.Validation("linkToApiKey must be a boolean.");
        }

        JsonFields.TryGetString(body.Root, "name", out var name);
        JsonFields.TryGetString(body.Root, "number", out var phone);
        var (number, linkedKeyId) = AddNumber(call, name!.Trim(), phone!, link ?? true);
        call.State.Numbers.BeginQrPairing(number, call.Now);
        call.State.Numbers.PublishNumberEvent(number, "number.created", call.Now);

        return SandboxJson.Result(
            new NumberCreatedResponse(number.Id, number.InstanceName, number.Digits, number.DisplayName, number.Provider, number.ConnectionStatus,
                number.IsOpen, number.QrCodeBase64, number.PairingCode, linkedKeyId, number.CreatedAt, number.UpdatedAt ?? number.CreatedAt),
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult RemotePairing(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Body must be a JSON object.");
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "provider", out var provider)
            || provider is not (null or WhatsAppProviders.PilotStatus or WhatsAppProviders.Meta))
        {
            return PilotStatusErrors.Validation("provider must be PILOT_STATUS or META.");
        }

        if (!JsonFields.TryGetBoolean(root, "sendViaWhatsApp", out var send) || !JsonFields.TryGetBoolean(root, "linkToApiKey", out var link))
        {
            return PilotStatusErrors.Validation("sendViaWhatsApp and linkToApiKey must be booleans.");
        }

        if (!JsonFields.TryGetString(root, "metaFlow", out var flow) || flow is not (null or "embedded" or "credentials"))
        {
            return PilotStatusErrors.Validation("metaFlow must be embedded or credentials.");
        }

        if (root.TryGetProperty("branding", out var branding) && branding.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return PilotStatusErrors.Validation("branding must be an object.");
        }

        var token = "rp_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var url = NumbersSeed.ConnectPageUrl + token;
        if (provider == WhatsAppProviders.Meta)
        {
            return SandboxJson.Result(
                new RemotePairingResponse(WhatsAppProviders.Meta, token, url, null, null, null, null, false, null),
                statusCode: StatusCodes.Status201Created);
        }

        if (ReadNewNumber(call, root) is { } refusal)
        {
            return refusal;
        }

        JsonFields.TryGetString(root, "name", out var name);
        JsonFields.TryGetString(root, "number", out var phone);
        var (number, linkedKeyId) = AddNumber(call, name!.Trim(), phone!, link ?? true);
        number.ConnectionStatus = NumberStates.Close;
        call.State.Numbers.PublishNumberEvent(number, "number.created", call.Now);

        string? messageError = null;
        var sent = false;
        if (send == true)
        {
            sent = call.State.TemplateList.Exists(t => t.Name == RemotePairingTemplate
                && call.State.NumberList.Exists(n => n.Id == t.NumberId && n.TenantId == number.TenantId));
            messageError = sent ? null : $"No OTP template named {RemotePairingTemplate} exists, so the link was not sent over WhatsApp.";
        }

        return SandboxJson.Result(
            new RemotePairingResponse(WhatsAppProviders.PilotStatus, token, url, number.Id,
                new PairingInstance(number.Id, number.InstanceName, number.Digits, number.DisplayName, number.ConnectionStatus),
                Mask(number.Digits), linkedKeyId, sent, messageError),
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult Check(PilotStatusCall call, JsonBody body)
    {
        var number = call.Number;
        if (number.IsMeta)
        {
            return PilotStatusErrors.NotSupportedForMeta("Number checks are only available on QR-paired (Evolution) numbers.");
        }

        if (!number.IsOpen)
        {
            return GroupsEndpoints.NotConnected(number);
        }

        var inputs = new List<string>();
        if (!body.IsObject
            || !JsonFields.TryGetStringArray(body.Root, "numbers", out var many)
            || !JsonFields.TryGetString(body.Root, "number", out var one))
        {
            return PilotStatusErrors.Validation("Send numbers (an array of 1 to 20 phone numbers) or number (one phone number).");
        }

        inputs.AddRange(many ?? []);
        if (!string.IsNullOrWhiteSpace(one))
        {
            inputs.Add(one);
        }

        if (inputs.Count is 0 or > MaxCheckNumbers || inputs.Any(string.IsNullOrWhiteSpace))
        {
            return PilotStatusErrors.Validation($"Send 1 to {MaxCheckNumbers} phone numbers.");
        }

        var results = inputs.Select(input => WhatsAppDirectory.Lookup(call.State, number.TenantId, input)).ToArray();
        return SandboxJson.Result(new NumberCheckResponse(results));
    }

    /// <summary>Checks name and number of a QR number about to be added; null when both are fine.</summary>
    private static IResult? ReadNewNumber(PilotStatusCall call, JsonElement root)
    {
        if (!JsonFields.TryGetString(root, "name", out var name) || string.IsNullOrWhiteSpace(name))
        {
            return PilotStatusErrors.Validation("name is required.");
        }

        if (!JsonFields.TryGetString(root, "number", out var phone) || phone is null || !AccountPhone().IsMatch(phone.Trim()))
        {
            return PilotStatusErrors.Validation("number must be a phone number in E.164 with at least 10 digits (a leading + is optional).");
        }

        var e164 = "+" + phone.Trim().TrimStart('+');
        return call.State.NumberList.Exists(n => n.TenantId == call.Caller.Key.TenantId && n.PhoneNumber == e164)
            ? PilotStatusErrors.Error(StatusCodes.Status409Conflict, NumbersErrorCodes.AlreadyExists, $"The number {e164} is already in this account.")
            : null;
    }

    /// <summary>
    /// Adds a QR number and settles its key: a number key with linkToApiKey moves to the new number (its old number keeps
    /// no key until one is regenerated); otherwise the new number gets a key of its own.
    /// </summary>
    private static (WhatsAppNumber Number, string? LinkedKeyId) AddNumber(PilotStatusCall call, string name, string phone, bool linkToApiKey)
    {
        var state = call.State;
        var now = call.Now;
        var digits = phone.Trim().TrimStart('+');
        var number = new WhatsAppNumber
        {
            Id = SandboxIds.New("num"),
            TenantId = call.Caller.Key.TenantId,
            PhoneNumber = "+" + digits,
            DisplayName = name,
            Provider = WhatsAppProviders.PilotStatus,
            ProviderKind = "EVO",
            ConnectionStatus = NumberStates.Close,
            InstanceName = "ps-" + digits,
            CreatedAt = now,
            UpdatedAt = now,
        };
        state.NumberList.Add(number);

        var callerKey = call.Caller.Key;
        if (callerKey.Scope == ApiKeyScope.Number && linkToApiKey)
        {
            callerKey.NumberId = number.Id;
            return (number, callerKey.Id);
        }

        state.Numbers.IssueNumberKey(number, now);
        return (number, null);
    }

    private static IResult WithNumber(PilotStatusCall call, Func<WhatsAppNumber, IResult> handler)
    {
        var id = call.Route("id") ?? "";
        var number = call.State.FindNumber(call.Caller.Key.TenantId, id);
        return number is null
            ? PilotStatusErrors.NotFound(PilotStatusErrorCodes.NumberNotFound, $"WhatsApp number '{id}' was not found.")
            : handler(number);
    }

    private static NumberItem Item(PilotStatusState state, WhatsAppNumber number)
        => new(
            number.Id,
            number.InstanceName,
            number.Digits,
            number.DisplayName,
            number.Provider,
            [.. state.ApiKeyList.Where(k => k.NumberId == number.Id).Select(k => new NumberKeyItem(k.Name, k.Secret[..Math.Min(7, k.Secret.Length)], k.Secret[^4..]))],
            number.ConnectionStatus,
            number.IsOpen,
            number.CreatedAt,
            number.UpdatedAt ?? number.CreatedAt);

    private static bool Sendable(WhatsAppNumber number)
        => number.IsOpen && (!number.IsMeta || number.QualityRating is not "RED");

    /// <summary>Country and area code plus the last four digits, as the pairing answer shows the number.</summary>
    private static string Mask(string digits)
        => "+" + digits[..4] + new string('*', Math.Max(0, digits.Length - 8)) + digits[^4..];

    [GeneratedRegex(@"^\+?[1-9]\d{9,14}$")]
    private static partial Regex AccountPhone();
}
