using Serverless.Tools.ChiliPiper;
using Serverless.Tools.PilotStatus;

namespace Serverless.Tools.Catalog;

/// <summary>
/// Every tool area of both upstreams, in one list rather than found by scanning the assembly: a scan is what a
/// trimmed (Native AOT) build cannot do. A test keeps this list equal to the classes marked <c>[McpServerToolType]</c>.
/// </summary>
public static class ToolAreas
{
    public static IReadOnlyList<ToolArea> All { get; } =
    [
        ToolArea.Of<ConciergeTools>(),
        ToolArea.Of<CrmTools>(),
        ToolArea.Of<DistributionTools>(),
        ToolArea.Of<DistroTools>(),
        ToolArea.Of<HandoffTools>(),
        ToolArea.Of<MeetingTools>(),
        ToolArea.Of<OrganizationTools>(),
        ToolArea.Of<RuleTools>(),
        ToolArea.Of<SchedulingTools>(),
        ToolArea.Of<TeamTools>(),
        ToolArea.Of<UserTools>(),
        ToolArea.Of<WorkspaceTools>(),
        ToolArea.Of<AccountTools>(),
        ToolArea.Of<CallsTools>(),
        ToolArea.Of<ChannelsTools>(),
        ToolArea.Of<GroupsTools>(),
        ToolArea.Of<MessagingTools>(),
        ToolArea.Of<NumbersTools>(),
        ToolArea.Of<TemplatesTools>(),
        ToolArea.Of<WebhooksTools>(),
    ];
}
