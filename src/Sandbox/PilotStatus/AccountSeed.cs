namespace Serverless.Sandbox.PilotStatus;

/// <summary>Fixed values of the demo account's subscription, billing, branding and Meta media.</summary>
public static class AccountSeed
{
    /// <summary>Meta phone-number id of number 1 (the Meta number); <c>media_get</c> needs it as <c>phoneNumberId</c>.</summary>
    public const string MetaPhoneNumberId1 = NumbersSeed.MetaPhoneNumberId1;

    /// <summary>A small PNG received from Ana on number 1 (see <see cref="MediaLineId"/>).</summary>
    public const string MediaImageId = "1090000000000101";
    public const string MediaImageMimeType = "image/png";

    /// <summary>A one-page PDF stored for number 1.</summary>
    public const string MediaPdfId = "1090000000000102";
    public const string MediaPdfMimeType = "application/pdf";
    public const string MediaPdfFileName = "invoice-1234.pdf";

    /// <summary>Unread inbound image line in Ana's conversation whose <c>media.id</c> is <see cref="MediaImageId"/>.</summary>
    public const string MediaLineId = "msg_sandbox_ana_photo";

    public const string FreePlan = "FREE";
    public const string OnDemandPlan = "ON_DEMAND";

    /// <summary>Numbers the Free plan includes at no charge.</summary>
    public const int FreeNumbers = 1;

    /// <summary>Monthly price of each billed number on On Demand.</summary>
    public const decimal NumberUnitPriceBRL = 49.90m;

    public const string Currency = "BRL";

    /// <summary>
    /// The demo has no one to pay at Stripe, so every checkout counts as paid this long after it was created:
    /// a card checkout saves a card, a top-up credits the wallet, an extra-numbers checkout adds the numbers.
    /// </summary>
    public static readonly TimeSpan CheckoutCompletesAfter = TimeSpan.FromSeconds(30);

    public const string CompanyName = "Sandbox Demo";
    public const string PrimaryColor = "#25D366";
}
