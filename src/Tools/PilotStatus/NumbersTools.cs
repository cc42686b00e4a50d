namespace Serverless.Tools.PilotStatus;

/// <summary>The account's WhatsApp numbers: listing, adding, connecting, pairing, removing, and checking who is on WhatsApp.</summary>
[McpServerToolType]
[Toolset(Toolsets.Numbers)]
public sealed class NumbersTools(NumbersClient client)
{
    private const string NumberIdHelp = "Pilot Status number id (num_...), from numbers_list.";

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "numbers_list", Title = "List WhatsApp numbers", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the account WhatsApp numbers with id, phone, display name, provider (PILOT_STATUS = QR-paired, META = Cloud API), key prefix and last connection state. States are not refreshed here: use numbers_status for a live answer. Works with the tenant key (recommended) or a number key.")]
    public Task<CallToolResult> ListNumbers(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListNumbersAsync(cancellationToken)).Body));

    [KeyScope(KeyScope.Either, NumberArgument = "id")]
    [McpServerTool(Name = "numbers_get", Title = "Get a WhatsApp number", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one WhatsApp number: state, health (quality rating, messaging tier, Meta status, whether it can send) and, for Meta numbers, the Meta profile and WABA details. Cached unless refresh is true. Works with the tenant key (recommended) or a number key.")]
    public Task<CallToolResult> GetNumber(
        [Description(NumberIdHelp)] string id,
        [Description("True to fetch live data from Meta first instead of the cached copy (Meta numbers).")] bool? refresh = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetNumberAsync(Arguments.NotBlank(id, nameof(id)), refresh == true, cancellationToken)).Body));

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "numbers_create", Title = "Add a QR-paired WhatsApp number", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Add a QR-paired WhatsApp number to the account. Returns the new number with qrcodeBase64 (scan it in WhatsApp > Linked devices) and a pairingCode; it becomes OPEN once paired (poll numbers_status). With a number key and linkToApiKey, that key moves to the new number. Provisions a real instance and may count against the plan. Tenant key recommended; a number key also works.")]
    public Task<CallToolResult> CreateNumber(
        [Description("Display name of the number in Pilot Status.")] string name,
        [Description("The WhatsApp phone number in E.164 with country and area code, such as +5511999998888.")] string number,
        [Description("Number keys only: move the calling key to the new number (default true). Ignored with the tenant key.")] bool? linkToApiKey = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject
            {
                ["name"] = Arguments.NotBlank(name, nameof(name)),
                ["number"] = WhatsAppArguments.AccountNumber(number, nameof(number)),
            };
            if (linkToApiKey is { } link)
            {
                body["linkToApiKey"] = link;
            }

            var response = await client.CreateNumberAsync(body, cancellationToken);
            return ToolResults.Success(response.Body, "Show the QR code or pairing code to the phone's owner, then poll numbers_status until the state is OPEN.");
        });

    [KeyScope(KeyScope.Either, NumberArgument = "id")]
    [McpServerTool(Name = "numbers_status", Title = "Get the connection state of a number", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Live connection state of one WhatsApp number: OPEN (ready to send), CONNECTING (waiting for the QR scan) or CLOSE/CLOSED (disconnected: use numbers_connect). Poll it after showing a QR code. Works with the tenant key (recommended) or a number key.")]
    public Task<CallToolResult> NumberStatus(
        [Description(NumberIdHelp)] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.NumberStatusAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    [KeyScope(KeyScope.Either, NumberArgument = "id")]
    [McpServerTool(Name = "numbers_connect", Title = "Get a new QR code for a number", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Start pairing a disconnected QR-paired number again: returns a fresh qrcodeBase64 and pairingCode to show its owner. Fails with 409 when the number is already OPEN; not for Meta numbers. Then poll numbers_status. Works with the tenant key (recommended) or a number key.")]
    public Task<CallToolResult> ConnectNumber(
        [Description(NumberIdHelp)] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ConnectNumberAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    [KeyScope(KeyScope.Either, NumberArgument = "id")]
    [McpServerTool(Name = "numbers_delete", Title = "Remove a WhatsApp number", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Permanently remove a WhatsApp number from the account: its WhatsApp session is closed, its API key stops working and its paid slot is released. Cannot be undone; confirm with the user first. Works with the tenant key (recommended) or a number key.")]
    public Task<CallToolResult> DeleteNumber(
        [Description(NumberIdHelp)] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.DeleteNumberAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "numbers_remote_pairing", Title = "Create a remote pairing link", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a link the phone owner opens to connect a number (no QR code to relay). PILOT_STATUS creates a disconnected number; META starts Meta signup. Returns link and token; number.connected fires when done. Tenant key recommended; a number key also works.")]
    public Task<CallToolResult> RemotePairing(
        [Description("QR-paired (default) or Meta Cloud API.")] PairingProvider? provider = null,
        [Description("PILOT_STATUS: display name (required).")] string? name = null,
        [Description("PILOT_STATUS: E.164 phone, e.g. +5511999998888 (required).")] string? number = null,
        [Description("Also send the link to that number by WhatsApp (needs OTP template pilot_status_remote_pairing).")] bool? sendViaWhatsApp = null,
        [Description("Number keys: move the key to the new number (default true).")] bool? linkToApiKey = null,
        [Description("META: http(s) URL the customer goes to after signup.")] string? redirectUrl = null,
        [Description("META: your reference, echoed back.")] string? externalRef = null,
        [Description("META: embedded (signup popup) or credentials (paste existing WABA ones).")] MetaPairingFlow? metaFlow = null,
        [Description("Page look for this link (https URLs, #RRGGBB colours, companyName up to 60 chars, subtitle 120); omitted fields keep the account values.")] PairingBranding? branding = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject();
            if (provider is { } p)
            {
                body["provider"] = p == PairingProvider.Meta ? "META" : "PILOT_STATUS";
            }

            if (provider != PairingProvider.Meta)
            {
                body["name"] = Arguments.NotBlank(name, nameof(name));
                body["number"] = WhatsAppArguments.AccountNumber(number, nameof(number));
            }

            Optional(body, "sendViaWhatsApp", sendViaWhatsApp);
            Optional(body, "linkToApiKey", linkToApiKey);
            if (!string.IsNullOrWhiteSpace(redirectUrl))
            {
                body["redirectUrl"] = Arguments.IsHttpUrl(redirectUrl.Trim())
                    ? redirectUrl.Trim()
                    : throw new ToolArgumentException(nameof(redirectUrl), "'redirectUrl' must be an absolute http(s) URL.");
            }

            if (!string.IsNullOrWhiteSpace(externalRef))
            {
                body["externalRef"] = externalRef.Trim();
            }

            if (metaFlow is { } flow)
            {
                body["metaFlow"] = flow == MetaPairingFlow.Embedded ? "embedded" : "credentials";
            }

            if (branding is not null)
            {
                body["branding"] = JsonSerializer.SerializeToNode(branding, ToolJson.Options.GetTypeInfo(typeof(PairingBranding)));
            }

            var response = await client.RemotePairingAsync(body, cancellationToken);
            return ToolResults.Success(response.Body, "Send the remotePairingUrl to the phone's owner; the number becomes OPEN (and number.connected fires) once they finish.");
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "numbers_check", Title = "Check numbers are on WhatsApp", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Check whether up to 20 phone numbers have WhatsApp accounts before messaging them. Each result has the input, exists, the registered number (Brazilian mobiles may lack the extra 9) and the profile name when visible. Needs a number-scoped key of a connected QR-paired (Evolution) number; Meta numbers get NOT_SUPPORTED_FOR_META.")]
    public Task<CallToolResult> CheckNumbers(
        [Description("Phone numbers to check, 1 to 20, with country code in any common form (+55 11 99999-8888).")] string[]? numbers = null,
        [Description("A single phone number to check, instead of or besides numbers.")] string? number = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.CheckNumbersAsync(WhatsAppArguments.CheckNumbers(numbers, number), cancellationToken)).Body));

    private static void Optional(JsonObject body, string name, bool? value)
    {
        if (value is { } v)
        {
            body[name] = v;
        }
    }
}
