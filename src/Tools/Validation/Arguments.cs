using System.Text.RegularExpressions;
using Serverless.Wire;

namespace Serverless.Tools.Validation;

/// <summary>Argument checks shared by the tool areas; each failure names the parameter.</summary>
public static partial class Arguments
{
    public static string NotBlank(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' is required.");
        }

        return value.Trim();
    }

    public static int? InRange(int? value, int min, int max, string parameter)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be between {min} and {max}; got {v}.");
        }

        return value;
    }

    public static IReadOnlyList<string> Ids(IReadOnlyList<string>? values, int min, int max, string parameter)
    {
        var ids = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
        if (ids.Length < min || ids.Length > max)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' takes {min} to {max} non-empty ids; got {ids.Length}.");
        }

        return ids;
    }

    /// <summary>Parses an ISO-8601 instant and returns the caller's text unchanged, so the upstream sees what was asked.</summary>
    public static string? IsoInstant(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!WireFormat.TryParseInstant(value, out _))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be an ISO-8601 date or date-time such as 2026-01-31T12:00:00Z; got '{value}'.");
        }

        return value.Trim();
    }

    /// <summary>Checks an optional start/end pair: both parse, and start is not after end.</summary>
    public static (string? Start, string? End) DateRange(string? start, string? end, string startParameter, string endParameter)
    {
        var s = IsoInstant(start, startParameter);
        var e = IsoInstant(end, endParameter);
        if (s is not null && e is not null && Parse(s) > Parse(e))
        {
            throw new ToolArgumentException(startParameter, $"'{startParameter}' must not be after '{endParameter}'.", "INVALID_DATE_RANGE",
                $"Make '{startParameter}' earlier than or equal to '{endParameter}' and call again.");
        }

        return (s, e);
    }

    /// <summary>The instant of a value <see cref="IsoInstant"/> accepted.</summary>
    public static DateTimeOffset Parse(string value) =>
        WireFormat.TryParseInstant(value, out var instant) ? instant : throw new FormatException("Not an ISO-8601 instant.");

    public static bool IsE164(string value) => E164().IsMatch(value);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsBase64DataUri(string value) => DataUri().IsMatch(value);

    [GeneratedRegex(@"^\+?[1-9]\d{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^data:[\w.+-]+/[\w.+-]+;base64,", RegexOptions.IgnoreCase)]
    private static partial Regex DataUri();

    /// <summary>A free-form object argument, as a node the client can send on.</summary>
    public static System.Text.Json.Nodes.JsonObject JsonObject(System.Text.Json.JsonElement value, string parameter)
    {
        if (value.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be a JSON object.");
        }

        return System.Text.Json.JsonSerializer.SerializeToNode(value, Json.ToolJsonContext.Default.JsonElement)!.AsObject();
    }

    public static bool IsUuid(string value) => Guid.TryParseExact(value, "D", out _);

    /// <param name="hint">Where to find a valid id, appended to the error.</param>
    public static string Uuid(string? value, string parameter, string? hint = null)
    {
        var id = NotBlank(value, parameter);
        if (!IsUuid(id))
        {
            throw new ToolArgumentException(parameter,
                $"'{parameter}' must be a UUID such as 3f2a6c1e-5b7d-4e2f-9a10-6c4b8d2e1f00; got '{id}'." + (hint is null ? "" : " " + hint));
        }

        return id;
    }

    /// <summary>Chili Piper paging: pages count from 0; the page-size bound differs per endpoint.</summary>
    public static Json.Pagination? Paging(Json.Pagination? pagination, int maxPageSize)
    {
        InRange(pagination?.Page, 0, int.MaxValue, "pagination.page");
        InRange(pagination?.PageSize, 1, maxPageSize, "pagination.pageSize");
        return pagination;
    }

    public static string Email(string? value, string parameter)
    {
        var text = NotBlank(value, parameter);
        if (!System.Net.Mail.MailAddress.TryCreate(text, out var parsed) || parsed.Address != text)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be an email address; got '{text}'.");
        }

        return text;
    }
}
