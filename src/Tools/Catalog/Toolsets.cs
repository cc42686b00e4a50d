namespace Serverless.Tools.Catalog;

/// <summary>
/// Every toolset id a caller may name, with the upstream it belongs to. An id is valid even while its
/// area has no tools yet, so a client configuration written against the full product keeps working.
/// </summary>
public static class Toolsets
{
    public const string Messaging = "messaging";
    public const string Webhooks = "webhooks";
    public const string Groups = "groups";
    public const string Channels = "channels";
    public const string Numbers = "numbers";
    public const string Templates = "templates";
    public const string Calls = "calls";
    public const string Account = "account";

    public const string Organization = "organization";
    public const string Users = "users";
    public const string Workspaces = "workspaces";
    public const string Teams = "teams";
    public const string Distributions = "distributions";
    public const string Rules = "rules";
    public const string Meetings = "meetings";
    public const string Scheduling = "scheduling";
    public const string Handoff = "handoff";
    public const string Concierge = "concierge";
    public const string Distro = "distro";
    public const string Crm = "crm";

    public static IReadOnlyDictionary<string, Upstream> All { get; } = new Dictionary<string, Upstream>(StringComparer.Ordinal)
    {
        [Messaging] = Upstream.PilotStatus,
        [Webhooks] = Upstream.PilotStatus,
        [Groups] = Upstream.PilotStatus,
        [Channels] = Upstream.PilotStatus,
        [Numbers] = Upstream.PilotStatus,
        [Templates] = Upstream.PilotStatus,
        [Calls] = Upstream.PilotStatus,
        [Account] = Upstream.PilotStatus,
        [Organization] = Upstream.ChiliPiper,
        [Users] = Upstream.ChiliPiper,
        [Workspaces] = Upstream.ChiliPiper,
        [Teams] = Upstream.ChiliPiper,
        [Distributions] = Upstream.ChiliPiper,
        [Rules] = Upstream.ChiliPiper,
        [Meetings] = Upstream.ChiliPiper,
        [Scheduling] = Upstream.ChiliPiper,
        [Handoff] = Upstream.ChiliPiper,
        [Concierge] = Upstream.ChiliPiper,
        [Distro] = Upstream.ChiliPiper,
        [Crm] = Upstream.ChiliPiper,
    };
}
