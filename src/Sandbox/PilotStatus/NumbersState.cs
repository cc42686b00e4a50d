using System.Security.Cryptography;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Fixed facts of the demo numbers and of the simulated QR pairing.</summary>
public static class NumbersSeed
{
    public const string InstanceName1 = "sandbox-store";
    public const string InstanceName2 = "sandbox-support";

    /// <summary>Meta's phone-number id of number 1 (webhooks' and media downloads' <c>phoneNumberId</c>).</summary>
    public const string MetaPhoneNumberId1 = "109876543210001";
    public const string MetaWabaId1 = "209876543210001";

    /// <summary>How long after a QR code is issued the sandbox acts as if the phone scanned it.</summary>
    public static readonly TimeSpan PairingDelay = TimeSpan.FromSeconds(10);

    /// <summary>Base URL of the hosted page a remote-pairing link opens.</summary>
    public const string ConnectPageUrl = "https://pilotstatus.com.br/connect/";

    /// <summary>A small valid PNG standing in for the QR code image.</summary>
    public const string QrCodeImage =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
}

/// <summary>The numbers' lifecycle: simulated QR pairing, number keys and the number.* events raised.</summary>
public sealed class NumbersState
{
    private readonly PilotStatusState _core;

    internal NumbersState(PilotStatusState core) => _core = core;

    /// <summary>Every number.* event raised, in order; what webhooks were given to deliver.</summary>
    internal List<JsonObject> NumberEventList { get; } = [];

    public IReadOnlyList<JsonObject> GetNumberEvents() => _core.Snapshot(NumberEventList);

    internal void Seed(DateTimeOffset now)
    {
        foreach (var number in _core.NumberList)
        {
            number.UpdatedAt = now.AddDays(-1);
        }

        if (_core.NumberList.Find(n => n.Id == PilotStatusSeed.NumberId1) is { } store)
        {
            store.InstanceName = NumbersSeed.InstanceName1;
            store.QualityRating = "GREEN";
            store.MessagingLimitTier = "TIER_1K";
            store.MetaStatus = "CONNECTED";
            store.Meta = new MetaNumberDetails(
                NumbersSeed.MetaPhoneNumberId1, PilotStatusSeed.DisplayName1, "Orders and delivery updates from Sandbox Store.", "RETAIL",
                NumbersSeed.MetaWabaId1, "Sandbox Store WABA", "BRL", "America/Sao_Paulo", now.AddHours(-6));
        }

        if (_core.NumberList.Find(n => n.Id == PilotStatusSeed.NumberId2) is { } support)
        {
            support.InstanceName = NumbersSeed.InstanceName2;
        }

        _core.Tickers.Add(CompletePairings);
    }

    /// <summary>The simulated phone scans every QR code whose delay has passed; the number opens and says so by webhook.</summary>
    private void CompletePairings(DateTimeOffset now)
    {
        foreach (var number in _core.NumberList)
        {
            if (number.ConnectionStatus != NumberStates.Connecting || number.ConnectsAt is not { } at || at > now)
            {
                continue;
            }

            number.ConnectionStatus = NumberStates.Open;
            number.ConnectsAt = null;
            number.QrCodeBase64 = null;
            number.PairingCode = null;
            number.UpdatedAt = at;
            PublishNumberEvent(number, "number.connected", at);
        }
    }

    /// <summary>Starts a QR pairing: fresh code, and a simulated scan after <see cref="NumbersSeed.PairingDelay"/>.</summary>
    internal void BeginQrPairing(WhatsAppNumber number, DateTimeOffset now)
    {
        number.ConnectionStatus = NumberStates.Connecting;
        number.QrCodeBase64 = NumbersSeed.QrCodeImage;
        number.PairingCode = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4) + "-"
            + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4);
        number.ConnectsAt = now + NumbersSeed.PairingDelay;
        number.UpdatedAt = now;
    }

    /// <summary>A new number-scoped key for <paramref name="number"/>; its secret is only readable through the API keys endpoint.</summary>
    internal PilotStatusApiKey IssueNumberKey(WhatsAppNumber number, DateTimeOffset now)
    {
        var key = new PilotStatusApiKey
        {
            Id = SandboxIds.New("key"),
            Secret = "ps_" + RandomNumberGenerator.GetHexString(32, lowercase: true),
            Name = number.DisplayName,
            Scope = ApiKeyScope.Number,
            TenantId = number.TenantId,
            NumberId = number.Id,
            CreatedAt = now,
        };
        _core.ApiKeyList.Add(key);
        return key;
    }

    /// <summary>Raises a <c>number.*</c> event in the documented <c>{event, data}</c> envelope.</summary>
    internal void PublishNumberEvent(WhatsAppNumber number, string eventName, DateTimeOffset at)
    {
        var payload = new JsonObject
        {
            ["event"] = eventName,
            ["data"] = new JsonObject
            {
                ["id"] = SandboxIds.New("evt"),
                ["numberId"] = number.Id,
                ["instanceName"] = number.InstanceName,
                ["number"] = number.PhoneNumber,
                ["name"] = number.DisplayName,
                ["provider"] = number.Provider,
                ["state"] = number.ConnectionStatus,
                ["createdAt"] = at.UtcDateTime.ToString(UtcInstantConverter.Format, System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        NumberEventList.Add(payload);
        // Delivery gets its own copy, so nothing it does to the payload can rewrite the log.
        _core.Publish(number.Id, eventName, (JsonObject)payload.DeepClone());
    }
}
