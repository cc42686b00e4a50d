using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Grants;

/// <summary>
/// Every refusal a grant gives, as typed tool errors: one wording per reason, wherever the grant is checked
/// (the call of an unlisted tool, or the key choice for a listed one). A tool outside the grant is NOT_GRANTED;
/// a number outside it is GRANT_REFUSED.
/// </summary>
public static class GrantRefusals
{
    public const string ToolNotGranted = "NOT_GRANTED";
    public const string NumberNotGranted = "GRANT_REFUSED";
    public const string NumberRequired = "NUMBER_REQUIRED";

    public static ToolError ToolOutside(string tool, CallerIdentity caller, string reason) => ToolError.Refused(
        ToolNotGranted, $"{tool} is outside the {caller.Describe()}: {reason}.",
        $"Ask the gateway's operator to widen the grant (Clients__{caller.Id}__Toolsets, __ChiliPiper, __ReadOnly or __Numbers).");

    public static ToolError NumberOutside(string tool, string number, CallerIdentity caller) => ToolError.Refused(
        NumberNotGranted, $"{tool} names number '{number}', which is outside the {caller.Describe()}.",
        "Use a tool and number inside the grant, or ask the gateway's operator to widen the client's grant.");

    public static ToolError NoNumberNamed(string tool, Grant grant)
    {
        var which = grant.AllNumbers ? "any number of the account" : string.Join(", ", grant.Numbers!.Order(StringComparer.Ordinal));
        return ToolError.Refused(NumberRequired,
            $"{tool} acts on one WhatsApp number and the call names none. Send the x-whatsapp-number-id header with one of: {which}.",
            "Name the number and call again.");
    }

    // The id may travel as a header and name a secret: nothing but a short, printable token qualifies.
    public static ToolError NotANumberId(string tool) => ToolError.Refused(ToolError.InvalidArgumentCode,
        $"{tool} names a WhatsApp number id that is not one (at most {CallTarget.MaxNumberIdLength} printable characters without spaces).",
        "Use a number id from numbers_list.");
}
