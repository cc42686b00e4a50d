using System.Text;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Plan, checkouts, branding and the Meta media the demo numbers received.</summary>
public sealed class AccountState
{
    private readonly PilotStatusState _core;

    internal AccountState(PilotStatusState core) => _core = core;

    // A 1x1 PNG: small enough to keep results readable, real enough for any image decoder.
    private const string TinyPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private const string PdfStub = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    internal PilotStatusSubscription Subscription { get; set; } = new(AccountSeed.FreePlan, 0, HasSavedCard: false, WalletBalanceBRL: 0m);

    internal ConnectBranding Branding { get; set; } = new(null, null, null, null, null, null, null, false);

    internal List<CheckoutOrder> CheckoutOrderList { get; } = [];

    /// <summary>Meta media by media id.</summary>
    internal Dictionary<string, MetaMediaFile> MetaMedia { get; } = new(StringComparer.Ordinal);

    /// <summary>Meta phone-number id by Pilot Status number id; only Meta numbers have one.</summary>
    internal Dictionary<string, string> MetaPhoneNumberIds { get; } = new(StringComparer.Ordinal);

    public PilotStatusSubscription GetSubscription()
    {
        lock (_core.Sync)
        {
            return Subscription;
        }
    }

    public ConnectBranding GetBranding()
    {
        lock (_core.Sync)
        {
            return Branding;
        }
    }

    public IReadOnlyList<CheckoutOrder> GetCheckoutOrders() => _core.Snapshot(CheckoutOrderList);

    public string? GetMetaPhoneNumberId(string numberId)
    {
        lock (_core.Sync)
        {
            return MetaPhoneNumberIds.GetValueOrDefault(numberId);
        }
    }

    internal void Seed(DateTimeOffset now)
    {
        Branding = Branding with { CompanyName = AccountSeed.CompanyName, PrimaryColor = AccountSeed.PrimaryColor };
        MetaPhoneNumberIds[PilotStatusSeed.NumberId1] = AccountSeed.MetaPhoneNumberId1;

        MetaMedia[AccountSeed.MediaImageId] = new MetaMediaFile(
            AccountSeed.MediaImageId, PilotStatusSeed.NumberId1, AccountSeed.MediaImageMimeType, null, Convert.FromBase64String(TinyPngBase64));
        MetaMedia[AccountSeed.MediaPdfId] = new MetaMediaFile(
            AccountSeed.MediaPdfId, PilotStatusSeed.NumberId1, AccountSeed.MediaPdfMimeType, AccountSeed.MediaPdfFileName, Encoding.ASCII.GetBytes(PdfStub));

        // Dated just before Ana's other messages so her 24 h window and the conversation preview stay as seeded.
        _core.ConversationMessageList.Add(new ConversationMessage
        {
            Id = AccountSeed.MediaLineId,
            ConversationId = PilotStatusSeed.ConversationAnaId,
            NumberId = PilotStatusSeed.NumberId1,
            Direction = MessageDirections.Inbound,
            Type = "image",
            Content = "Photo of the box as it arrived",
            From = PilotStatusSeed.ContactAnaPhone,
            FromName = "Ana Souza",
            Media = new MessageMedia("META", AccountSeed.MediaImageId, null, AccountSeed.MediaImageMimeType, null),
            CreatedAt = now.AddHours(-2).AddMinutes(-1),
        });

        _core.Tickers.Add(CompleteCheckouts);
    }

    /// <summary>Pays every checkout whose time has come (see <see cref="AccountSeed.CheckoutCompletesAfter"/>).</summary>
    private void CompleteCheckouts(DateTimeOffset now)
    {
        foreach (var order in CheckoutOrderList)
        {
            var paidAt = order.CreatedAt + AccountSeed.CheckoutCompletesAfter;
            if (order.CompletedAt is not null || now < paidAt)
            {
                continue;
            }

            order.CompletedAt = paidAt;
            Subscription = order.Purpose switch
            {
                CheckoutPurposes.WalletTopup => Subscription with { WalletBalanceBRL = Subscription.WalletBalanceBRL + (order.Amount ?? 0m) },
                CheckoutPurposes.ExtraNumbers => Subscription with
                {
                    Plan = AccountSeed.OnDemandPlan,
                    PaidExtraNumbers = Subscription.PaidExtraNumbers + (order.Quantity ?? 0),
                    HasSavedCard = true,
                },
                _ => Subscription with { HasSavedCard = true },
            };
        }
    }
}
