using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class TemplatesToolsTests
{
    private const string Summary = """{"id":"tpl_1","name":"promo_cupom","category":"MARKETING","metaStatus":"PENDING"}""";

    private static object Structured(string text = "Hi {{nome}}, use {{codigo}} today.") => new
    {
        header = new { type = "IMAGE", url = "https://cdn.example.com/promo.png" },
        body = new { text },
        footer = new { text = "Limited offer" },
        buttons = new object[]
        {
            new { type = "QUICK_REPLY", text = "Yes!" },
            new { type = "URL", text = "Buy", url = "https://shop.example.com/promo/{{link}}" },
            new { type = "PHONE_NUMBER", text = "Call", phone_number = "+5511999998888" },
            new { type = "COPY_CODE", example = new[] { "PROMO10" } },
        },
    };

    private static readonly Dictionary<string, string> AllExamples = new() { ["nome"] = "Maria", ["codigo"] = "X1", ["link"] = "abc123" };

    [Fact]
    public async Task templates_list_gets_the_number_templates_with_the_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/templates", 200, """[{"id":"tpl_1","name":"order_update","sendable":true}]""");

        var body = ResultAssert.Success(await h.CallAsync("templates_list"));

        Assert.Equal("order_update", body.GetProperty("result")[0].GetProperty("name").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("https://ps.test/v1/templates", sent.Uri.ToString());
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Equal("", sent.Body);
    }

    [Fact]
    public async Task templates_get_escapes_the_id_or_name_into_the_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/templates/order%20update%2Fx", 200, """{"id":"tpl_1","name":"order_update"}""");

        var body = ResultAssert.Success(await h.CallAsync("templates_get", new { id = "order update/x" }));

        Assert.Equal("tpl_1", body.GetProperty("id").GetString());
        Assert.Equal("ps_test_number", h.Upstream.Single().Header("x-api-key"));
    }

    [Fact]
    public async Task templates_create_posts_name_structured_body_examples_category_and_language()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/templates", 201, Summary);

        var result = await h.CallAsync("templates_create", new
        {
            name = "promo_cupom", body = Structured(), examples = AllExamples, category = "MARKETING", language = "pt_BR",
        });

        var body = ResultAssert.Success(result);
        Assert.Equal("PENDING", body.GetProperty("metaStatus").GetString());
        Assert.Contains("APPROVED", body.GetProperty("_note").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Equal("application/json", sent.Header("content-type")?.Split(';')[0]);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal("promo_cupom", root.GetProperty("name").GetString());
        Assert.Equal("MARKETING", root.GetProperty("category").GetString());
        Assert.Equal("pt_BR", root.GetProperty("language").GetString());
        Assert.Equal("Hi {{nome}}, use {{codigo}} today.", root.GetProperty("body").GetProperty("body").GetProperty("text").GetString());
        Assert.Equal("https://cdn.example.com/promo.png", root.GetProperty("body").GetProperty("header").GetProperty("url").GetString());
        Assert.Equal(4, root.GetProperty("body").GetProperty("buttons").GetArrayLength());
        Assert.Equal("abc123", root.GetProperty("examples").GetProperty("link").GetString());
    }

    [Fact]
    public async Task templates_create_passes_plain_text_and_json_string_bodies_through_unchanged()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/templates", 201, """{"id":"tpl_2","name":"hello","category":"UTILITY","metaStatus":null}""");
        const string asString = """{"body":{"text":"Hello {{name}}, welcome!"}}""";

        var plain = ResultAssert.Success(await h.CallAsync("templates_create", new { name = "hello", body = "Hello there, welcome!" }));
        ResultAssert.Success(await h.CallAsync("templates_create", new { name = "hello2", body = asString, examples = new { name = "Ana" } }));

        Assert.False(plain.TryGetProperty("_note", out _));
        using var first = JsonDocument.Parse(h.Upstream.Requests[0].Body);
        using var second = JsonDocument.Parse(h.Upstream.Requests[1].Body);
        Assert.Equal("Hello there, welcome!", first.RootElement.GetProperty("body").GetString());
        Assert.False(first.RootElement.TryGetProperty("examples", out _));
        Assert.False(first.RootElement.TryGetProperty("category", out _));
        Assert.Equal(asString, second.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task templates_update_puts_the_new_version_on_the_id()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("PUT /v1/templates/tpl_1", 200, Summary);

        ResultAssert.Success(await h.CallAsync("templates_update", new { id = "tpl_1", body = Structured(), examples = AllExamples, language = "en_US" }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.False(json.RootElement.TryGetProperty("name", out _));
        Assert.False(json.RootElement.TryGetProperty("category", out _));
        Assert.Equal("en_US", json.RootElement.GetProperty("language").GetString());
        Assert.Equal("Maria", json.RootElement.GetProperty("examples").GetProperty("nome").GetString());
    }

    [Fact]
    public async Task templates_delete_deletes_by_id_without_a_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("DELETE /v1/templates/spring_promo", 200, """{"deleted":true,"id":"tpl_9"}""");

        var body = ResultAssert.Success(await h.CallAsync("templates_delete", new { id = "spring_promo" }));

        Assert.True(body.GetProperty("deleted").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("", sent.Body);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    public static TheoryData<string, string[]> MissingExamples => new()
    {
        { """{"body":{"body":{"text":"Hi {{nome}}, welcome."}}}""", ["nome"] },
        { """{"body":{"body":{"text":"Hi {{nome}}, welcome."}},"examples":{"nome":"  "}}""", ["nome"] },
        { """{"body":"Hi {{nome}}, your code is {{code}}.","examples":{"nome":"Ana"}}""", ["code"] },
        { """{"body":{"header":{"type":"TEXT","text":"Order {{order}}"},"body":{"text":"Hello there."}},"examples":{}}""", ["order"] },
        { """{"body":{"body":{"text":"Hello there."},"buttons":[{"type":"URL","text":"Go","url":"https://x.example/{{slug}}"}]}}""", ["slug"] },
    };

    [Theory]
    [MemberData(nameof(MissingExamples))]
    public async Task templates_create_without_an_example_per_variable_names_the_missing_ones(string arguments, string[] missing)
    {
        await using var h = await ToolHarness.StartAsync();
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;
        args["name"] = "t";

        var error = ResultAssert.Error(await h.CallAsync("templates_create", args), "TEMPLATE_EXAMPLES_REQUIRED");

        Assert.Equal("examples", error.GetProperty("parameter").GetString());
        foreach (var variable in missing)
        {
            Assert.Contains(variable, error.GetProperty("message").GetString());
        }

        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task templates_update_also_requires_examples()
    {
        await using var h = await ToolHarness.StartAsync();

        ResultAssert.Error(await h.CallAsync("templates_update", new { id = "tpl_1", body = "Dear {{name}}, thanks." }), "TEMPLATE_EXAMPLES_REQUIRED");

        Assert.Empty(h.Upstream.Requests);
    }

    public static TheoryData<string, string, string> InvalidContent => new()
    {
        { """{"header":{"type":"IMAGE","base64":"data:image/png;base64,AAAA"},"body":{"text":"Hello."}}""", "body", "URL" },
        { """{"header":{"type":"IMAGE","url":"data:image/png;base64,AAAA"},"body":{"text":"Hello."}}""", "body", "host" },
        { """{"header":{"type":"VIDEO"},"body":{"text":"Hello."}}""", "body", "header.url" },
        { """{"header":{"type":"DOCUMENT","url":"ftp://x.example/a.pdf"},"body":{"text":"Hello."}}""", "body", "http" },
        { """{"header":{"type":"LOCATION"},"body":{"text":"Hello."}}""", "body", "LOCATION" },
        { """{"header":{"type":"TEXT","text":"{{a}} and {{b}}"},"body":{"text":"Hello."}}""", "body", "one variable" },
        { """{"header":{"type":"TEXT","text":"0123456789012345678901234567890123456789012345678901234567890"},"body":{"text":"Hello."}}""", "body", "60" },
        { """{"body":{"text":"{{nome}}, hello."}}""", "body", "start or end" },
        { """{"body":{"text":"Hello {{nome}}"}}""", "body", "start or end" },
        { """{"text":"Hello."}""", "body", "body.text" },
        { """{"body":{"text":"Hello."},"footer":{"text":"Bye {{nome}}"}}""", "body", "variables" },
        { """{"body":{"text":"Hello."},"footer":{"text":"0123456789012345678901234567890123456789012345678901234567890"}}""", "body", "60" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"URL","text":"a","url":"https://a.example"},{"type":"URL","text":"b","url":"https://b.example"},{"type":"URL","text":"c","url":"https://c.example"}]}""", "body", "2 URL" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"PHONE_NUMBER","text":"a","phone_number":"+5511999998888"},{"type":"PHONE_NUMBER","text":"b","phone_number":"+5511999998887"}]}""", "body", "1 PHONE_NUMBER" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"PHONE_NUMBER","text":"a","phone_number":"call me"}]}""", "body", "E.164" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"URL","text":"a","url":"https://a.example/{{x}}/more"}]}""", "body", "very end" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"COPY_CODE"}]}""", "body", "example" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"QUICK_REPLY"}]}""", "body", "text" },
        { """{"body":{"text":"Hello."},"buttons":[{"type":"FLOW","text":"a"}]}""", "body", "QUICK_REPLY" },
    };

    [Theory]
    [MemberData(nameof(InvalidContent))]
    public async Task templates_create_refuses_content_beyond_the_documented_limits(string content, string parameter, string messageContains)
    {
        await using var h = await ToolHarness.StartAsync();
        var body = JsonSerializer.Deserialize<JsonElement>(content);

        var error = ResultAssert.Error(await h.CallAsync("templates_create", new { name = "t", body }));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Contains(messageContains, error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task templates_create_refuses_eleven_buttons_and_a_body_over_1024_characters()
    {
        await using var h = await ToolHarness.StartAsync();
        var buttons = Enumerable.Range(0, 11).Select(i => new { type = "QUICK_REPLY", text = $"b{i}" }).ToArray();

        var tooMany = ResultAssert.Error(await h.CallAsync("templates_create", new { name = "t", body = new { body = new { text = "Hello." }, buttons } }));
        var tooLong = ResultAssert.Error(await h.CallAsync("templates_create", new { name = "t", body = new string('a', 1025) }));

        Assert.Contains("10", tooMany.GetProperty("message").GetString());
        Assert.Contains("1024", tooLong.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    public static TheoryData<string, string> InvalidArguments => new()
    {
        { """{"name":"promo!","body":"Hello."}""", "name" },
        { """{"name":" ","body":"Hello."}""", "name" },
        { """{"name":"t","body":"Hello.","language":"portuguese"}""", "language" },
        { """{"name":"t","body":42}""", "body" },
        { """{"name":"t","body":"   "}""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public async Task templates_create_refuses_bad_names_languages_and_body_kinds(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("templates_create", JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task templates_create_accepts_a_name_with_separators_the_vendor_turns_into_underscores()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/templates", 201, Summary);

        ResultAssert.Success(await h.CallAsync("templates_create", new { name = "Promo Cupom-2026", body = "Hello there." }));

        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.Equal("Promo Cupom-2026", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_vendor_examples_error_lists_what_is_missing()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/templates", 400, """{"error":"examples required","code":"TEMPLATE_EXAMPLES_REQUIRED","details":{"missing":["nome"]}}""");

        var error = ResultAssert.Error(await h.CallAsync("templates_create", new { name = "t", body = "Hello there." }), "TEMPLATE_EXAMPLES_REQUIRED", 400);

        Assert.Contains("nome", error.GetProperty("message").GetString());
        Assert.Contains("examples", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_meta_rejection_says_to_revise_and_resubmit()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("PUT /v1/templates/tpl_1", 400, """{"error":"Meta rejected the template","code":"META_TEMPLATE_SUBMIT_FAILED"}""");

        var error = ResultAssert.Error(await h.CallAsync("templates_update", new { id = "tpl_1", body = "Hello there." }), "META_TEMPLATE_SUBMIT_FAILED", 400);

        Assert.Contains("Meta refused", error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_duplicate_name_is_a_conflict_pointing_to_templates_update()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/templates", 409, """{"error":"Template already exists","code":"TEMPLATE_ALREADY_EXISTS"}""");

        var error = ResultAssert.Error(await h.CallAsync("templates_create", new { name = "order_update", body = "Hello there." }), "TEMPLATE_ALREADY_EXISTS", 409);

        Assert.Contains("templates_update", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_duplicate_name_without_a_code_still_reads_as_a_conflict()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/templates", 409, """{"error":"Template name already exists"}""");

        var error = ResultAssert.Error(await h.CallAsync("templates_create", new { name = "order_update", body = "Hello there." }), status: 409);

        Assert.Equal("Template name already exists", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("GET /v1/templates/nope", "templates_get")]
    [InlineData("PUT /v1/templates/nope", "templates_update")]
    [InlineData("DELETE /v1/templates/nope", "templates_delete")]
    public async Task An_unknown_template_points_to_templates_list(string route, string tool)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(route, 404, """{"error":"Template not found","code":"TEMPLATE_NOT_FOUND"}""");

        object arguments = tool == "templates_update" ? new { id = "nope", body = "Hello there." } : new { id = "nope" };

        var error = ResultAssert.Error(await h.CallAsync(tool, arguments), "TEMPLATE_NOT_FOUND", 404);

        Assert.Contains("templates_list", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_tenant_key_is_told_to_use_the_number_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/templates", 403, """{"error":"Tenant keys cannot","code":"TENANT_SCOPE_NOT_ALLOWED"}""");

        var error = ResultAssert.Error(await h.CallAsync("templates_list"), "TENANT_SCOPE_NOT_ALLOWED", 403);

        Assert.Contains("number-scoped", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_rejected_key_says_to_reauthorise()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("DELETE /v1/templates/tpl_1", 401, """{"error":"Invalid API key"}""");

        var error = ResultAssert.Error(await h.CallAsync("templates_delete", new { id = "tpl_1" }), status: 401);

        Assert.Contains("re-authorise", error.GetProperty("next").GetString());
    }
}
