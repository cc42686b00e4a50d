using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>The template twin: versions, Meta review on the clock, and the vendor's errors.</summary>
public sealed class TemplatesSandboxTests
{
    private static readonly object Promo = new
    {
        name = "spring sale",
        category = "MARKETING",
        language = "en_US",
        body = new
        {
            header = new { type = "TEXT", text = "Offer for {{name}}" },
            body = new { text = "Use code {{code}} at checkout this week." },
            buttons = new[] { new { type = "URL", text = "Shop", url = "https://example.com/shop/{{slug}}" } },
        },
        examples = new { name = "Maria", code = "SPRING10", slug = "spring" },
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_template_created_on_the_meta_number_is_pending_until_the_review_approves_it()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var created = await http.PostAsJsonAsync("v1/templates", Promo);
        Assert.Equal(201, (int)created.StatusCode);
        var summary = await JsonAsync(created);
        Assert.Equal("spring_sale", summary.GetProperty("name").GetString());
        Assert.Equal("PENDING", summary.GetProperty("metaStatus").GetString());

        var pending = await http.GetFromJsonAsync<JsonElement>("v1/templates/spring_sale");
        Assert.False(pending.GetProperty("sendable").GetBoolean());
        Assert.Equal("META", pending.GetProperty("source").GetString());
        Assert.Equal(new[] { "name", "code", "slug" }, pending.GetProperty("variables").EnumerateArray().Select(v => v.GetString()).ToArray());

        time.Advance(MessageTemplate.ReviewDelay);
        var approved = await http.GetFromJsonAsync<JsonElement>($"v1/templates/{summary.GetProperty("id").GetString()}");
        Assert.Equal("APPROVED", approved.GetProperty("metaStatus").GetString());
        Assert.True(approved.GetProperty("sendable").GetBoolean());
        Assert.Equal(1, approved.GetProperty("approvedVersion").GetInt32());

        var send = await http.PostAsJsonAsync("v1/messages/send", new
        {
            destinationNumber = "+5511977776666", templateId = "spring_sale", variables = new { name = "Bruno", code = "X", slug = "s" },
        });
        Assert.Equal(202, (int)send.StatusCode);
    }

    [Fact]
    public async Task A_template_created_on_the_evolution_number_is_usable_at_once()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var created = await JsonAsync(await http.PostAsJsonAsync("v1/templates", new { name = "ticket-open", body = "Hi {{name}}, we got your ticket.", examples = new { name = "Carla" } }));

        Assert.Equal(JsonValueKind.Null, created.GetProperty("metaStatus").ValueKind);
        var listed = (await http.GetFromJsonAsync<JsonElement>("v1/templates")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "ticket_open");
        Assert.True(listed.GetProperty("sendable").GetBoolean());
        Assert.Equal("PILOT_STATUS", listed.GetProperty("source").GetString());
        Assert.Equal("UTILITY", listed.GetProperty("category").GetString());
        var send = await http.PostAsJsonAsync("v1/messages/send", new { destinationNumber = "+5521966665555", templateId = "ticket_open", variables = new { name = "Carla" } });
        Assert.Equal(202, (int)send.StatusCode);
    }

    [Fact]
    public async Task Updating_an_approved_meta_template_adds_a_pending_version_and_keeps_it_sendable()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var updated = await http.PutAsJsonAsync("v1/templates/order_update", new
        {
            body = new { body = new { text = "Hello {{name}}, order {{order}} left our warehouse." } },
            examples = new { name = "Ana", order = "A-1" },
        });
        Assert.Equal(200, (int)updated.StatusCode);
        Assert.Equal("PENDING", (await JsonAsync(updated)).GetProperty("metaStatus").GetString());

        var during = await http.GetFromJsonAsync<JsonElement>("v1/templates/order_update");
        Assert.Equal(2, during.GetProperty("version").GetInt32());
        Assert.Equal(1, during.GetProperty("approvedVersion").GetInt32());
        Assert.True(during.GetProperty("sendable").GetBoolean());
        var template = sandbox.State.PilotStatus.GetTemplates().Single(t => t.Id == PilotStatusSeed.TemplateOrderUpdateId);
        Assert.StartsWith("Hi Ana, your order A-1", template.Render(new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" }));

        time.Advance(MessageTemplate.ReviewDelay);
        var after = await http.GetFromJsonAsync<JsonElement>("v1/templates/order_update");
        Assert.Equal("APPROVED", after.GetProperty("metaStatus").GetString());
        Assert.Equal(2, after.GetProperty("approvedVersion").GetInt32());
        Assert.StartsWith("Hello Ana, order A-1", template.Render(new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" }));
    }

    [Fact]
    public async Task The_seeded_pending_template_is_never_approved_by_the_clock()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        time.Advance(TimeSpan.FromDays(2));
        var promo = await http.GetFromJsonAsync<JsonElement>("v1/templates/spring_promo");

        Assert.Equal("PENDING", promo.GetProperty("metaStatus").GetString());
        Assert.False(promo.GetProperty("sendable").GetBoolean());
    }

    [Fact]
    public async Task Missing_examples_are_listed_in_the_vendor_error_details()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var response = await http.PostAsJsonAsync("v1/templates", new
        {
            name = "no_examples",
            body = new { header = new { type = "TEXT", text = "For {{name}}" }, body = new { text = "Your code is {{code}} today." } },
            examples = new { name = "Ana" },
        });

        Assert.Equal(400, (int)response.StatusCode);
        var error = await JsonAsync(response);
        Assert.Equal("TEMPLATE_EXAMPLES_REQUIRED", error.GetProperty("code").GetString());
        Assert.Equal(new[] { "code" }, error.GetProperty("details").GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToArray());
    }

    [Fact]
    public async Task Duplicate_names_unknown_ids_short_links_and_category_changes_get_the_vendor_errors()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var meta = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var evolution = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        var shortLink = new { name = "tracking", body = "Track your parcel at https://bit.ly/x1y2 anytime." };

        var duplicate = await meta.PostAsJsonAsync("v1/templates", new { name = "Order Update", body = "Hello there." });
        var unknown = await meta.DeleteAsync("v1/templates/nope");
        var rejected = await meta.PostAsJsonAsync("v1/templates", shortLink);
        var acceptedElsewhere = await evolution.PostAsJsonAsync("v1/templates", shortLink);
        var recategorised = await meta.PutAsJsonAsync("v1/templates/order_update", new { category = "MARKETING", body = "Hello there." });

        Assert.Equal(409, (int)duplicate.StatusCode);
        Assert.Equal("TEMPLATE_ALREADY_EXISTS", (await JsonAsync(duplicate)).GetProperty("code").GetString());
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal("TEMPLATE_NOT_FOUND", (await JsonAsync(unknown)).GetProperty("code").GetString());
        Assert.Equal(400, (int)rejected.StatusCode);
        Assert.Equal("META_TEMPLATE_SUBMIT_FAILED", (await JsonAsync(rejected)).GetProperty("code").GetString());
        Assert.Equal(201, (int)acceptedElsewhere.StatusCode);
        Assert.Equal(400, (int)recategorised.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await JsonAsync(recategorised)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_body_may_be_a_json_string_and_inline_header_media_is_rehosted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        const string content = """{"header":{"type":"IMAGE","base64":"data:image/png;base64,iVBORw0KGgo="},"body":{"text":"Here is your receipt, thanks."},"footer":{"text":"Sandbox Support"}}""";

        var created = await http.PostAsJsonAsync("v1/templates", new { name = "receipt", body = content });
        var template = await http.GetFromJsonAsync<JsonElement>("v1/templates/receipt");

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("Here is your receipt, thanks.", template.GetProperty("body").GetString());
        Assert.StartsWith("https://", template.GetProperty("header").GetProperty("url").GetString());
        Assert.False(template.GetProperty("header").TryGetProperty("base64", out _));
        Assert.Equal("Sandbox Support", template.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_deleted_template_is_gone_and_templates_stay_within_their_number()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var meta = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var evolution = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var deleted = await JsonAsync(await meta.DeleteAsync("v1/templates/spring_promo"));
        var again = await meta.GetAsync("v1/templates/tpl_sandbox_spring_promo");
        var crossNumber = await evolution.GetAsync("v1/templates/order_update");
        var byTenant = await tenant.GetAsync("v1/templates");

        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal(PilotStatusSeed.TemplateSpringPromoId, deleted.GetProperty("id").GetString());
        Assert.Equal(404, (int)again.StatusCode);
        Assert.Equal(404, (int)crossNumber.StatusCode);
        Assert.Equal(403, (int)byTenant.StatusCode);
        var names = (await meta.GetFromJsonAsync<JsonElement>("v1/templates")).EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.DoesNotContain("spring_promo", names);
        Assert.Contains("order_update", names);
    }
}
