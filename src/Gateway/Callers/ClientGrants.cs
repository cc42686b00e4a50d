using Serverless.Gateway.Grants;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Callers;

/// <summary>Reads and writes the settings that describe a client's grant; shared by the gateway and the client-key command.</summary>
public static class ClientGrants
{
    /// <summary>The grant configured for a client, or an error naming the setting that is wrong.</summary>
    public static (Grant? Grant, string? Error) Parse(string id, ClientOptions client)
    {
        var prefix = $"Clients__{id}__";
        IReadOnlySet<string>? numbers;
        var rawNumbers = client.Numbers?.Trim();
        if (string.IsNullOrEmpty(rawNumbers))
        {
            numbers = new HashSet<string>(StringComparer.Ordinal);
        }
        else if (rawNumbers == "*")
        {
            numbers = null;
        }
        else
        {
            numbers = List(rawNumbers).ToHashSet(StringComparer.Ordinal);
            if (numbers.Contains("*"))
            {
                return (null, $"{prefix}Numbers: '*' cannot be combined with number ids.");
            }
        }

        ChiliPiperAccess chiliPiper;
        switch (client.ChiliPiper?.Trim().ToLowerInvariant())
        {
            case null or "" or "none":
                chiliPiper = ChiliPiperAccess.None;
                break;
            case "read":
                chiliPiper = ChiliPiperAccess.Read;
                break;
            case "full":
                chiliPiper = ChiliPiperAccess.Full;
                break;
            default:
                return (null, $"{prefix}ChiliPiper must be full, read or none.");
        }

        IReadOnlySet<string>? toolsets = null;
        if (!string.IsNullOrWhiteSpace(client.Toolsets))
        {
            var named = List(client.Toolsets).ToHashSet(StringComparer.Ordinal);
            if (named.FirstOrDefault(t => !Toolsets.All.ContainsKey(t)) is { } unknown)
            {
                return (null, $"{prefix}Toolsets names unknown toolset '{unknown}'; valid: {string.Join(", ", Toolsets.All.Keys)}.");
            }

            toolsets = named;
        }

        return (new Grant(numbers, chiliPiper, toolsets, client.ReadOnly), null);
    }

    /// <summary>A client id usable as a configuration key segment and an app setting name.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static IEnumerable<string> List(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
