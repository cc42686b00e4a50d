using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>The account area of the Pilot Status twin over its HTTP API: the plan and its checkouts, branding, analytics, media.</summary>
public sealed class AccountSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Buying_numbers_on_the_free_plan_needs_confirmation_then_a_checkout_then_charges_the_saved_card()
    {
        var time = new ManualTime(DateTimeOffset.Parse("2026-03-10T12:00:00Z"));
        await using var sandbox = await SandboxServer.StartAsync(time: time, cancellationToken: Ct);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var preview = await http.GetFromJsonAsync<JsonElement>("v1/subscription/extra-numbers?quantity=2", Ct);
        Assert.True(preview.GetProperty("requiresConversion").GetBoolean());
        Assert.Equal("FREE", preview.GetProperty("fromPlan").GetString());
        Assert.Equal("ON_DEMAND", preview.GetProperty("toPlan").GetString());
        Assert.Equal(1, preview.GetProperty("currentNumbers").GetInt32());
        Assert.Equal(3, preview.GetProperty("billedQuantity").GetInt32());
        Assert.Equal(149.70m, preview.GetProperty("monthlyTotalBRL").GetDecimal());
        Assert.False(preview.GetProperty("hasSavedCard").GetBoolean());

        var unconfirmed = await http.PostAsJsonAsync("v1/subscription/extra-numbers", new { quantity = 2 }, Ct);
        Assert.Equal(409, (int)unconfirmed.StatusCode);
        var conflict = await unconfirmed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("CONFIRMATION_REQUIRED", conflict.GetProperty("code").GetString());
        Assert.Equal(3, conflict.GetProperty("details").GetProperty("billedQuantity").GetInt32());

        var checkout = await (await http.PostAsJsonAsync("v1/subscription/extra-numbers", new { quantity = 2, confirm = true }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(checkout.GetProperty("charged").GetBoolean());
        Assert.StartsWith("https://checkout.stripe.com/", checkout.GetProperty("checkoutUrl").GetString());
        Assert.Equal("FREE", sandbox.State.PilotStatus.Account.GetSubscription().Plan);

        time.Advance(AccountSeed.CheckoutCompletesAfter + TimeSpan.FromSeconds(1));
        var after = await http.GetFromJsonAsync<JsonElement>("v1/subscription/extra-numbers?quantity=1", Ct);
        Assert.False(after.GetProperty("requiresConversion").GetBoolean());
        Assert.Equal("ON_DEMAND", after.GetProperty("fromPlan").GetString());
        Assert.Equal(3, after.GetProperty("currentNumbers").GetInt32());
        Assert.True(after.GetProperty("hasSavedCard").GetBoolean());

        var charged = await (await http.PostAsJsonAsync("v1/subscription/extra-numbers", new { quantity = 1 }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(charged.GetProperty("charged").GetBoolean());
        Assert.Equal("ON_DEMAND", charged.GetProperty("plan").GetString());
        Assert.Equal(3, charged.GetProperty("paidExtraNumbers").GetInt32());
        Assert.Equal(199.60m, charged.GetProperty("monthlyTotalBRL").GetDecimal());
    }

    [Fact]
    public async Task Checkouts_complete_after_payment_a_card_and_a_wallet_top_up()
    {
        var time = new ManualTime(DateTimeOffset.Parse("2026-03-10T12:00:00Z"));
        await using var sandbox = await SandboxServer.StartAsync(time: time, cancellationToken: Ct);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var card = await (await http.PostAsJsonAsync("v1/billing/checkout", new { purpose = "add_card" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        // The vendor's playground types amount as a string; the twin takes both forms.
        var topUp = await (await http.PostAsJsonAsync("v1/billing/checkout", new { purpose = "wallet_topup", amount = "25.50" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var noAmount = await http.PostAsJsonAsync("v1/billing/checkout", new { purpose = "wallet_topup" }, Ct);
        var plainHttp = await http.PostAsJsonAsync("v1/billing/checkout", new { purpose = "add_card", successUrl = "http://example.com" }, Ct);

        Assert.StartsWith("cto_", card.GetProperty("orderId").GetString());
        Assert.StartsWith("https://checkout.stripe.com/", card.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("amount").ValueKind);
        Assert.Equal(25.50m, topUp.GetProperty("amount").GetDecimal());
        Assert.Equal("BRL", topUp.GetProperty("currency").GetString());
        Assert.Equal(400, (int)noAmount.StatusCode);
        Assert.Equal(400, (int)plainHttp.StatusCode);
        Assert.False(sandbox.State.PilotStatus.Account.GetSubscription().HasSavedCard);

        time.Advance(AccountSeed.CheckoutCompletesAfter);
        await http.GetAsync("v1/branding", Ct);

        var plan = sandbox.State.PilotStatus.Account.GetSubscription();
        Assert.True(plan.HasSavedCard);
        Assert.Equal(25.50m, plan.WalletBalanceBRL);
        Assert.Equal("FREE", plan.Plan);
        Assert.All(sandbox.State.PilotStatus.Account.GetCheckoutOrders(), o => Assert.NotNull(o.CompletedAt));

        var charged = await (await http.PostAsJsonAsync("v1/subscription/extra-numbers", new { confirm = true }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(charged.GetProperty("charged").GetBoolean());
        Assert.Equal(99.80m, charged.GetProperty("monthlyTotalBRL").GetDecimal());
    }

    [Fact]
    public async Task Branding_keeps_omitted_fields_clears_nulls_and_refuses_invalid_values()
    {
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: Ct);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var seeded = (await http.GetFromJsonAsync<JsonElement>("v1/branding", Ct)).GetProperty("branding");
        Assert.Equal(AccountSeed.CompanyName, seeded.GetProperty("companyName").GetString());
        Assert.Equal(JsonValueKind.Null, seeded.GetProperty("logoUrl").ValueKind);

        var set = await http.PutAsJsonAsync("v1/branding", new { logoUrl = "https://acme.example/logo.png", primaryColor = (string?)null, hidePilotStatusBranding = true }, Ct);
        var updated = (await set.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("branding");
        Assert.Equal("https://acme.example/logo.png", updated.GetProperty("logoUrl").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("primaryColor").ValueKind);
        Assert.Equal(AccountSeed.CompanyName, updated.GetProperty("companyName").GetString());
        Assert.True(updated.GetProperty("hidePilotStatusBranding").GetBoolean());

        var invalid = await http.PutAsJsonAsync("v1/branding", new { companyName = "Acme", backgroundColor = "white", subtitle = new string('s', 121) }, Ct);
        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(AccountSeed.CompanyName, sandbox.State.PilotStatus.Account.GetBranding().CompanyName);
    }

    [Fact]
    public async Task The_dashboard_counts_the_numbers_sends_by_status_and_by_local_day()
    {
        // 01:30 UTC is still the previous evening in São Paulo (UTC-3).
        var time = new ManualTime(DateTimeOffset.Parse("2026-03-02T01:30:00Z"));
        await using var sandbox = await SandboxServer.StartAsync(time: time, cancellationToken: Ct);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var support = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        async Task SendAsync(HttpClient http, object body) =>
            Assert.Equal(202, (int)(await http.PostAsJsonAsync("v1/messages/send", body, Ct)).StatusCode);
        object Template(string order) => new { destinationNumber = PilotStatusSeed.ContactAnaPhone, templateId = "order_update", variables = new { name = "Ana", order } };

        await SendAsync(store, Template("A-0"));
        time.Advance(TimeSpan.FromDays(8));
        await SendAsync(store, Template("A-1"));
        await SendAsync(store, Template("A-2"));
        // Free text to a contact silent for days: accepted, then FAILED outside Meta's 24 h window.
        await SendAsync(store, new { destinationNumber = PilotStatusSeed.ContactBrunoPhone, text = "Are you still there?" });
        await SendAsync(support, new { destinationNumber = PilotStatusSeed.ContactCarlaPhone, templateId = "welcome", variables = new { name = "Carla" } });
        time.Advance(TimeSpan.FromSeconds(5));

        var utc = await store.GetFromJsonAsync<JsonElement>("v1/analytics/dashboard?period=7d", Ct);
        var saoPaulo = await store.GetFromJsonAsync<JsonElement>("v1/analytics/dashboard?period=7d&tz=America/Sao_Paulo", Ct);
        var badZone = await store.GetAsync("v1/analytics/dashboard?tz=Nowhere/Land", Ct);

        Assert.Equal(2, utc.GetProperty("totalSent").GetInt32());
        Assert.Equal(1, utc.GetProperty("totalFailed").GetInt32());
        Assert.Equal(100, utc.GetProperty("sentPercentChange").GetDouble());
        Assert.Equal(100, utc.GetProperty("failedPercentChange").GetDouble());
        Assert.Equal(33.3, utc.GetProperty("failureRate").GetDouble());
        var distribution = utc.GetProperty("statusDistribution");
        Assert.Equal((0, 2, 1, 0), (distribution.GetProperty("queued").GetInt32(), distribution.GetProperty("sent").GetInt32(),
            distribution.GetProperty("failed").GetInt32(), distribution.GetProperty("read").GetInt32()));

        var utcDays = utc.GetProperty("dailyMessages").EnumerateArray().ToArray();
        Assert.Equal(7, utcDays.Length);
        Assert.Equal(("2026-03-10", 3), (utcDays[^1].GetProperty("date").GetString(), utcDays[^1].GetProperty("count").GetInt32()));
        Assert.Equal("2026-03-04", utcDays[0].GetProperty("date").GetString());
        var localDays = saoPaulo.GetProperty("dailyMessages").EnumerateArray().ToArray();
        Assert.Equal(("2026-03-09", 3), (localDays[^1].GetProperty("date").GetString(), localDays[^1].GetProperty("count").GetInt32()));

        Assert.Equal(400, (int)badZone.StatusCode);
    }

    [Fact]
    public async Task Media_is_only_served_to_its_own_meta_number()
    {
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: Ct);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var support = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        var query = "?phoneNumberId=" + AccountSeed.MetaPhoneNumberId1;

        var pdf = await store.GetFromJsonAsync<JsonElement>($"v1/media/{AccountSeed.MediaPdfId}{query}", Ct);
        var missingPhoneId = await store.GetAsync($"v1/media/{AccountSeed.MediaPdfId}", Ct);
        var unknown = await store.GetAsync($"v1/media/1090000000009999{query}", Ct);
        var fromEvolution = await support.GetAsync($"v1/media/{AccountSeed.MediaPdfId}{query}", Ct);

        Assert.Equal(AccountSeed.MediaPdfFileName, pdf.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", pdf.GetProperty("mimeType").GetString());
        var b64 = pdf.GetProperty("base64").GetString()!;
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(b64[(b64.IndexOf(',') + 1)..])));
        Assert.Equal(400, (int)missingPhoneId.StatusCode);
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal("MEDIA_NOT_FOUND", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(400, (int)fromEvolution.StatusCode);
    }
}
