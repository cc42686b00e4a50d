using System.Text.Json;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Grants;

/// <summary>Which upstream key one call needs, decided once from the tool's declared key scope, its arguments and the grant.</summary>
/// <param name="NumberId">The WhatsApp number the call acts on, if any.</param>
/// <param name="UseNumberKey">True: the number's own key; false: the tenant key (with <paramref name="NumberId"/> as x-whatsapp-number-id).</param>
public sealed record CallTarget(Upstream Upstream, string? NumberId, bool UseNumberKey)
{
    /// <summary>The target of a call, or the refusal (code and message) when the grant does not allow it.</summary>
    public static (CallTarget? Target, string? Code, string? Message) For(
        ToolEntry tool, IReadOnlyDictionary<string, JsonElement>? arguments, string? numberHeader, CallerIdentity caller)
    {
        var grant = caller.Grant;
        if (grant.Excludes(tool) is { } reason)
        {
            return (null, "GRANT_REFUSED", $"{tool.Name} is outside the {caller.Describe()}: {reason}.");
        }

        if (tool.Upstream != Upstream.PilotStatus)
        {
            return (new CallTarget(tool.Upstream, null, UseNumberKey: false), null, null);
        }

        var named = NamedNumber(tool, arguments) ?? numberHeader;
        if (named is not null && !IsPlausibleNumberId(named))
        {
            // The id may travel as a header and name a secret: nothing but a short, printable token qualifies.
            return (null, "INVALID_ARGUMENT", $"{tool.Name} names a WhatsApp number id that is not one (at most {MaxNumberIdLength} printable characters without spaces).");
        }

        if (named is not null && !grant.AllowsNumber(named))
        {
            return (null, "GRANT_REFUSED", $"{tool.Name} names number '{named}', which is outside the {caller.Describe()}.");
        }

        if (tool.KeyScope == KeyScope.Tenant)
        {
            return (new CallTarget(Upstream.PilotStatus, null, UseNumberKey: false), null, null);
        }

        var number = named ?? grant.SoleNumber;
        if (number is null && (tool.KeyScope == KeyScope.Number || !grant.AllNumbers))
        {
            var which = grant.AllNumbers ? "any number of the account" : string.Join(", ", grant.Numbers!.Order(StringComparer.Ordinal));
            return (null, "NUMBER_REQUIRED",
                $"{tool.Name} acts on one WhatsApp number and the call names none. Send the x-whatsapp-number-id header with one of: {which}.");
        }

        return (new CallTarget(Upstream.PilotStatus, number, UseNumberKey: tool.KeyScope == KeyScope.Number), null, null);
    }

    public const int MaxNumberIdLength = 100;

    private static bool IsPlausibleNumberId(string id) =>
        id.Length <= MaxNumberIdLength && id.All(c => c > ' ' && c < '\u007f');

    private static string? NamedNumber(ToolEntry tool, IReadOnlyDictionary<string, JsonElement>? arguments) =>
        tool.NumberArgument is { } name && arguments is not null && arguments.TryGetValue(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;
}
