namespace Serverless.Tools.PilotStatus;

/// <summary>WhatsApp channels (newsletters) of the key's number.</summary>
[McpServerToolType]
[Toolset(Toolsets.Channels)]
public sealed class ChannelsTools(GroupsClient client)
{
    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "newsletters_list", Title = "List WhatsApp channels", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the WhatsApp channels (newsletters) the key-bound number owns or follows, with their ids ending @newsletter; pass an id as newsletterId to messages_send to post in the channel. Needs a number-scoped key; QR-paired numbers only (Meta numbers get NOT_SUPPORTED_FOR_META).")]
    public Task<CallToolResult> ListNewsletters(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListNewslettersAsync(cancellationToken)).Body));
}
