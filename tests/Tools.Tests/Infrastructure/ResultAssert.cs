using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Serverless.Tools.Tests.Infrastructure;

public static class ResultAssert
{
    public static JsonElement Success(CallToolResult result)
    {
        Assert.True(result.IsError is not true, "expected success, got: " + Text(result));
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent!.Value;
    }

    /// <summary>Asserts an error result and returns its error object.</summary>
    public static JsonElement Error(CallToolResult result, string? code = null, int? status = null)
    {
        Assert.True(result.IsError, "expected an error result, got: " + Text(result));
        var error = result.StructuredContent!.Value.GetProperty("error");
        if (code is not null)
        {
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.Contains(code, Text(result), StringComparison.Ordinal);
        }

        if (status is not null)
        {
            Assert.Equal(status, error.GetProperty("status").GetInt32());
        }

        return error;
    }

    public static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
