using System.Text.Json.Serialization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>One member's round-robin weight.</summary>
public sealed record UserWeight(
    string UserId,
    int Weight);

/// <summary>One member's manual calibration: assignments counted as if already given.</summary>
public sealed record UserCalibration(
    string UserId,
    [property: Description("Negative moves the user up the queue.")] int Calibration);

/// <summary>What a distribution hands out.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DistributionAssignmentType>))]
public enum DistributionAssignmentType
{
    Record,
    Meeting,
    Conversation,
}

/// <summary>Filters of rule-list, grouped as the vendor's own tool groups them.</summary>
public sealed record RuleFilter(
    [property: Description("Only rules of this workspace.")] string? WorkspaceId = null,
    [property: Description("Only rules whose name matches this text.")] string? Name = null,
    [property: Description("Only these rule types: NonOwnershipRule, OwnershipRule (applied to the returned page).")] string[]? Type = null,
    [property: Description("Rule builder versions; only ExplicitV1 rules exist in this API, so [ExplicitV1] or nothing.")] string[]? RuleBuilderVersion = null);
