namespace Serverless.Tools.PilotStatus;

/// <summary>
/// Account-level Pilot Status operations: API keys, extra-number subscription, billing and connect-page branding
/// (tenant key), plus the per-number analytics dashboard and Meta media downloads (number key).
/// </summary>
[McpServerToolType]
[Toolset(Toolsets.Account)]
public sealed class AccountTools(AccountClient client, CallerCredentials credentials)
{
    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "api_keys_list", Title = "List the API keys of the numbers", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the API key of every WhatsApp number of the account (one per number): numberId, number, displayName, keyId, keyLast4, revealable. Keys come back masked (ps_…abcd); reveal: true returns the live, usable secrets, so only ask for that when the user needs a key. A key that is null and not revealable is a legacy key: regenerate it with api_keys_regenerate_number. Needs the tenant key.")]
    public Task<CallToolResult> ListApiKeys(
        [Description("true returns the raw keys: live secrets that grant full access to each number. Default false (masked).")] bool? reveal = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            if (reveal == true && credentials.Managed is not null)
            {
                // The deployment holds the keys so that its callers never see them.
                throw new ToolArgumentException(nameof(reveal),
                    "This gateway holds the Pilot Status keys on its callers' behalf (managed credentials) and never reveals them. Call again without reveal.",
                    "REVEAL_NOT_ALLOWED");
            }

            var response = await client.ListApiKeysAsync(cancellationToken);
            return reveal == true
                ? ToolResults.Success(response.Body, "These are live secrets: share them only with the person who asked, and never in logs or shared chats.")
                : ToolResults.Success(ApiKeyMask.Mask(response.Body), "Keys are masked. Call again with reveal: true only if the user needs the usable values.");
        });

    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "api_keys_regenerate_number", Title = "Regenerate the API key of a number", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Issue a new API key for one WhatsApp number. The current key of the number stops working at once, so every integration using it breaks until it gets the new key. The new raw key is in the key field and is shown only this once: hand it to the user to store. Each number has exactly one key; this replaces it rather than adding one. Needs the tenant key and the number id (numbers_list or api_keys_list).")]
    public Task<CallToolResult> RegenerateNumberKey(
        [Description("Id of the WhatsApp number whose key is replaced (numberId from api_keys_list or numbers_list).")] string whatsappNumberId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var response = await client.RegenerateNumberKeyAsync(Arguments.NotBlank(whatsappNumberId, nameof(whatsappNumberId)), cancellationToken);
            if (credentials.Managed is not null)
            {
                return ToolResults.Success(ApiKeyMask.Mask(response.Body),
                    "The number's previous key no longer works. This gateway holds the keys (managed credentials): the new key is not shown, and a key the gateway found through the tenant key is picked up again on its own; a key stored as the number's own secret must be replaced there.");
            }

            return ToolResults.Success(response.Body,
                "The number's previous key no longer works. This is the only time the new key is shown: have the user store it securely now.");
        });

    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "subscription_extra_numbers_get", Title = "Preview buying extra numbers", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Dry run of buying extra WhatsApp number slots; nothing is charged. Returns whether the plan converts (Free to On Demand, which also bills the formerly free number), the plans before and after, billed quantity, unit price and monthly total in BRL, whether a card is saved, and an explanation. Show this to the user before subscription_extra_numbers_add. Needs the tenant key.")]
    public Task<CallToolResult> PreviewExtraNumbers(
        [Description("How many extra numbers to price, from 1 (default 1).")] int? quantity = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.PreviewExtraNumbersAsync(Quantity(quantity), cancellationToken)).Body));

    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "subscription_extra_numbers_add", Title = "Buy extra numbers", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Buy extra WhatsApp number slots: a real, non-refundable charge. Run subscription_extra_numbers_get first and get the consent of the user to that preview. When the purchase converts the plan from Free to On Demand, confirm: true is required (else 409 CONFIRMATION_REQUIRED). With a saved card it charges now and returns the new plan and monthly total; without one it returns a checkoutUrl for the user to pay. Never retried automatically. Needs the tenant key.")]
    public Task<CallToolResult> AddExtraNumbers(
        [Description("How many extra numbers to buy, from 1 (default 1).")] int? quantity = null,
        [Description("true accepts the Free to On Demand plan conversion the preview announced. Only pass it after the user agreed to that preview.")] bool? confirm = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var response = await client.AddExtraNumbersAsync(Quantity(quantity), confirm, cancellationToken);
            var note = response.Body?["checkoutUrl"] is not null
                ? "Nothing is charged yet: give the checkoutUrl to the user to pay; the numbers are added once the payment completes."
                : "Charged. The numbers are available now.";
            return ToolResults.Success(response.Body, note);
        });

    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "billing_checkout", Title = "Start a Stripe checkout", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Start a Stripe checkout for the user to complete in a browser: wallet_topup adds the given amount (BRL) to the account wallet, add_card saves a card for later charges. Returns url, purpose, orderId (cto_…), amount and currency. Nothing is charged until the user completes the page; share the url with them. Needs the tenant key.")]
    public Task<CallToolResult> BillingCheckout(
        [Description("wallet_topup (needs amount) or add_card.")] BillingPurpose purpose,
        [Description("Top-up amount in the account currency (BRL), greater than 0. Required for wallet_topup; not used by add_card.")] decimal? amount = null,
        [Description("https URL the user returns to after paying.")] string? successUrl = null,
        [Description("https URL the user returns to after abandoning the checkout.")] string? cancelUrl = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject { ["purpose"] = purpose.Wire() };
            if (purpose == BillingPurpose.WalletTopup)
            {
                if (amount is not { } value || value <= 0)
                {
                    throw new ToolArgumentException(nameof(amount), "wallet_topup needs 'amount', a number greater than 0 (BRL).");
                }

                // A JSON number, although the vendor's playground types it as a string.
                body["amount"] = value;
            }
            else if (amount is not null)
            {
                throw new ToolArgumentException(nameof(amount), "'amount' only applies to wallet_topup; add_card saves a card without charging. Drop it.");
            }

            if (AccountArguments.HttpsUrl(successUrl, nameof(successUrl)) is { } success)
            {
                body["successUrl"] = success;
            }

            if (AccountArguments.HttpsUrl(cancelUrl, nameof(cancelUrl)) is { } cancel)
            {
                body["cancelUrl"] = cancel;
            }

            var response = await client.CreateCheckoutAsync(body, cancellationToken);
            return ToolResults.Success(response.Body, "Nothing is charged until the user completes the checkout at url.");
        });

    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "branding_get", Title = "Get the connect-page branding", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read the account branding of the public connect page (where customers pair their WhatsApp): logoUrl, primaryColor, backgroundColor, companyName, subtitle, supportUrl, defaultRedirectUrl, hidePilotStatusBranding. Unset fields are null. Needs the tenant key.")]
    public Task<CallToolResult> GetBranding(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetBrandingAsync(cancellationToken)).Body));

    [KeyScope(KeyScope.Tenant)]
    [McpServerTool(Name = "branding_upsert", Title = "Update the connect-page branding", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Change the connect-page branding. Only what you pass changes: an omitted field keeps its value, and a field named in clear is removed (sent as null). Colours are #RRGGBB, URLs https, companyName up to 60 characters, subtitle up to 120. The logo file itself is uploaded in the dashboard; here only logoUrl. Returns the branding after the change. Needs the tenant key.")]
    public Task<CallToolResult> UpsertBranding(
        [Description("https URL of the logo image.")] string? logoUrl = null,
        [Description("Main colour, #RRGGBB.")] string? primaryColor = null,
        [Description("Background colour, #RRGGBB.")] string? backgroundColor = null,
        [Description("Company name shown on the page, at most 60 characters.")] string? companyName = null,
        [Description("Subtitle under the name, at most 120 characters.")] string? subtitle = null,
        [Description("https URL of the support page.")] string? supportUrl = null,
        [Description("https URL the customer is sent to after connecting.")] string? defaultRedirectUrl = null,
        [Description("true hides the Pilot Status branding on the page.")] bool? hidePilotStatusBranding = null,
        [Description("Fields to remove (reset to unset), e.g. [logoUrl,subtitle]. A field cannot be both given and cleared.")] BrandingField[]? clear = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new BrandingBody(logoUrl, primaryColor, backgroundColor, companyName, subtitle, supportUrl, defaultRedirectUrl, hidePilotStatusBranding, clear).ToBody();
            return ToolResults.Success((await client.UpsertBrandingAsync(body, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "analytics_dashboard", Title = "Get the sending dashboard", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Sending statistics of the key-bound number over the last 7, 30 or 90 days: totalSent, totalFailed, change against the previous period in percent, failureRate, messages per day (days in the given time zone) and a status distribution (queued, sent, failed, read). Needs a number-scoped key.")]
    public Task<CallToolResult> AnalyticsDashboard(
        [Description("Look-back window: 7d, 30d or 90d (default 30d).")] AnalyticsPeriod? period = null,
        [Description("IANA time zone that decides where each day starts, e.g. America/Sao_Paulo (default UTC).")] string? tz = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var zone = AccountArguments.IanaTimeZone(tz, nameof(tz));
            return ToolResults.Success((await client.AnalyticsDashboardAsync(period?.Wire(), zone, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "media_get", Title = "Download a Meta media file", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Download a media file received on a Meta (official API) number, by the Meta media id from media.id of the message or mediaId of the webhook. Meta only: media of QR-paired (Evolution) numbers have no id; fetch their media.url directly. The whole file comes back inline as a base64 data URI (can be very large), with mimeType and fileName. Meta links expire within minutes of receipt. Needs the number key of the receiving number.")]
    public Task<CallToolResult> GetMedia(
        [Description("Meta media id (media.id of the message, or mediaId of the webhook).")] string mediaId,
        [Description("Meta phone-number id of the receiving number (phoneNumberId in the webhook payload); numeric, not the phone number.")] string phoneNumberId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(mediaId, nameof(mediaId));
            var metaNumber = AccountArguments.MetaPhoneNumberId(phoneNumberId, nameof(phoneNumberId));
            return ToolResults.Success((await client.GetMediaAsync(id, metaNumber, cancellationToken)).Body);
        });

    private static int? Quantity(int? quantity) => Arguments.InRange(quantity, 1, int.MaxValue, nameof(quantity));
}
