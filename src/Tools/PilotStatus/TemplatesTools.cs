namespace Serverless.Tools.PilotStatus;

/// <summary>WhatsApp message templates of one number: reading, creating, changing and deleting them (number-scoped key).</summary>
[McpServerToolType]
[Toolset(Toolsets.Templates)]
public sealed class TemplatesTools(TemplatesClient client)
{
    private const string BodyHelp =
        "Content: an object {header?: {type: TEXT|IMAGE|VIDEO|DOCUMENT, text or url}, body: {text}, footer?: {text}, buttons?: [{type, text, url|phone_number|example}]} (recommended), that object as a JSON string, or plain text. Media by http(s) url only.";

    private const string ExamplesHelp =
        "One realistic sample per variable used in the body, the header text or a dynamic URL button, e.g. {name: Maria}. Required whenever there are variables.";

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "templates_list", Title = "List message templates", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the message templates of the key-bound number with category, body text, variables, source, Meta approval status (metaStatus) and whether each can be sent now (sendable). On a Meta number only approved Meta templates are sendable. Use the id or name as templateId in messages_send. Needs a number-scoped key.")]
    public Task<CallToolResult> ListTemplates(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListTemplatesAsync(cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "templates_get", Title = "Get a message template", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one template of the key-bound number by id or name: category, body text, the variables a send must fill, Meta approval status and whether it is sendable now. Use it to poll a new template from PENDING to APPROVED. Needs a number-scoped key.")]
    public Task<CallToolResult> GetTemplate(
        [Description("Template id (tpl_...) or name.")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetTemplateAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "templates_create", Title = "Create a message template", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a template on the key-bound number. On a Meta number it is submitted to Meta and stays PENDING until approved (poll templates_get); on a QR-paired number it is usable at once. Needs name, body and, when the content has {{variables}}, an example for each in examples. Category cannot change later. Body text max 1024 chars, not starting or ending with a variable; header text and footer max 60; up to 10 buttons. Returns id, name, category, metaStatus. Needs a number-scoped key.")]
    public Task<CallToolResult> CreateTemplate(
        [Description("Template name: letters and digits; spaces, - and . become _. Must be unique on the number.")] string name,
        [Description(BodyHelp)] ObjectOrText body,
        [Description(ExamplesHelp)] Dictionary<string, string>? examples = null,
        [Description("MARKETING, UTILITY or OTP; fixed once created.")] TemplateCategory? category = null,
        [Description("Language code such as pt_BR or en_US.")] string? language = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var request = new JsonObject { ["name"] = TemplateArguments.Name(name) };
            AddContent(request, body, examples, category, language);
            var response = await client.CreateTemplateAsync(request, cancellationToken);
            return ToolResults.Success(response.Body, PendingNote(response.Body));
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "templates_update", Title = "Change a message template", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Replace the content of a template of the key-bound number (by id or name) with a new version. On a Meta number the new version goes back to Meta review (PENDING) before sends use it; on a QR-paired number it applies at once. Same content rules as templates_create, including examples for every {{variable}}. The category cannot be changed. Needs a number-scoped key.")]
    public Task<CallToolResult> UpdateTemplate(
        [Description("Template id (tpl_...) or name.")] string id,
        [Description(BodyHelp)] ObjectOrText body,
        [Description(ExamplesHelp)] Dictionary<string, string>? examples = null,
        [Description("Current category of the template, if you repeat it; it cannot be changed.")] TemplateCategory? category = null,
        [Description("Language code such as pt_BR or en_US.")] string? language = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var target = Arguments.NotBlank(id, nameof(id));
            var request = new JsonObject();
            AddContent(request, body, examples, category, language);
            var response = await client.UpdateTemplateAsync(target, request, cancellationToken);
            return ToolResults.Success(response.Body, PendingNote(response.Body));
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "templates_delete", Title = "Delete a message template", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Delete a template of the key-bound number by id or name. On a Meta number it is also removed from the WhatsApp Business Account. Irreversible; scheduled sends that use it will fail. Needs a number-scoped key.")]
    public Task<CallToolResult> DeleteTemplate(
        [Description("Template id (tpl_...) or name.")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.DeleteTemplateAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    private static void AddContent(
        JsonObject request, ObjectOrText body, Dictionary<string, string>? examples, TemplateCategory? category, string? language)
    {
        request["body"] = TemplateArguments.Check(body.Value, examples);
        if (category is { } c)
        {
            request["category"] = c.ToWire();
        }

        if (TemplateArguments.Language(language) is { } lang)
        {
            request["language"] = lang;
        }

        if (examples is { Count: > 0 })
        {
            var samples = new JsonObject();
            foreach (var (variable, sample) in examples)
            {
                samples[variable] = sample;
            }

            request["examples"] = samples;
        }
    }

    private static string? PendingNote(JsonNode? response) =>
        response?["metaStatus"]?.GetValueKind() == JsonValueKind.String && response["metaStatus"]!.GetValue<string>() == "PENDING"
            ? "Submitted to Meta for review: sends with this version work once templates_get shows metaStatus APPROVED."
            : null;
}
