using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.Results;

/// <summary>The text part of a result is read by a model: characters appear as themselves, and it stays JSON.</summary>
public sealed class ResultTextTests
{
    private const string Answer = """{"id":"msg_1","to":"+5511900000001","preview":"Olá, até já…","html":"<b>a & b</b>","quote":"say \"hi\"\\n","tab":"a\tb"}""";

    [Fact]
    public async Task Text_content_shows_plus_signs_ellipses_and_accents_as_they_are()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/messages/send", 202, Answer);

        var result = await h.CallAsync("messages_send", new { destinationNumber = "+5511900000001", text = "hi" });

        ResultAssert.Success(result);
        var text = ResultAssert.Text(result);
        Assert.Contains("\"to\":\"+5511900000001\"", text);
        Assert.Contains("Olá, até já…", text);
        Assert.Contains("<b>a & b</b>", text);
        Assert.DoesNotContain("\\u", text);
    }

    [Fact]
    public async Task Text_content_is_still_valid_json_equal_to_the_structured_content()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/messages/send", 202, Answer);

        var result = await h.CallAsync("messages_send", new { destinationNumber = "+5511900000001", text = "hi" });
        var text = ResultAssert.Text(result);

        using var parsed = JsonDocument.Parse(text);
        Assert.True(JsonElement.DeepEquals(ResultAssert.Success(result), parsed.RootElement), text);
        Assert.Equal("say \"hi\"\\n", parsed.RootElement.GetProperty("quote").GetString());
        Assert.Contains("\\\"hi\\\"", text);
        Assert.Contains("a\\tb", text);
    }
}
