using System.Text.Json;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Grants;

/// <summary>Which upstream key one call needs, decided once from the tool's declared key scope, its arguments and the grant.</summary>
/// <param name="NumberId">The WhatsApp number the call acts on, if any.</param>
/// <param name="UseNumberKey">True: the number's own key; false: the tenant key (with <paramref name="NumberId"/> as x-whatsapp-number-id).</param>
public sealed record CallTarget(Upstream Upstream, string? NumberId, bool UseNumberKey)
{
    /// <summary>The target of a call, or the refusal when the grant does not allow it.</summary>
    public static (CallTarget? Target, ToolError? Refusal) For(
        ToolEntry tool, IReadOnlyDictionary<string, JsonElement>? arguments, string? numberHeader, CallerIdentity caller)
    {
        var grant = caller.Grant;
        if (grant.Excludes(tool) is { } reason)
        {
            return (null, GrantRefusals.ToolOutside(tool.Name, caller, reason));
        }

        if (tool.Upstream != Upstream.PilotStatus)
        {
            return (new CallTarget(tool.Upstream, null, UseNumberKey: false), null);
        }

        var named = NamedNumber(tool, arguments) ?? numberHeader;
        if (named is not null && !IsPlausibleNumberId(named))
        {
            return (null, GrantRefusals.NotANumberId(tool.Name));
        }

        if (named is not null && !grant.AllowsNumber(named))
        {
            return (null, GrantRefusals.NumberOutside(tool.Name, named, caller));
        }

        if (tool.KeyScope == KeyScope.Tenant)
        {
            return (new CallTarget(Upstream.PilotStatus, null, UseNumberKey: false), null);
        }

        var number = named ?? grant.SoleNumber;
        if (number is null && (tool.KeyScope == KeyScope.Number || !grant.AllNumbers))
        {
            return (null, GrantRefusals.NoNumberNamed(tool.Name, grant));
        }

        return (new CallTarget(Upstream.PilotStatus, number, UseNumberKey: tool.KeyScope == KeyScope.Number), null);
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
