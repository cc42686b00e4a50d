namespace Serverless.Tools.PilotStatus;

/// <summary>Sending WhatsApp messages and reading what came back (Pilot Status, number-scoped key).</summary>
[McpServerToolType]
[Toolset(Toolsets.Messaging)]
public sealed class MessagingTools(MessagingClient client)
{
    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "messages_send", Title = "Send a WhatsApp message", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Send one WhatsApp message from the key-bound number. Give exactly one destination (destinationNumber, groupId or newsletterId) and exactly one mode: a template (templateId + variables; works any time), free text (text; on Meta numbers only within 24 h of the last message of the contact), or direct media (media + mediaType). Queued: follow the returned id with message_get. Real send; never retried. Needs a number-scoped key.")]
    public Task<CallToolResult> SendMessage(
        [Description("E.164 phone (+5511999998888) or a contact userId (BSUID) from conversations_list.")] string? destinationNumber = null,
        [Description("Recipient WhatsApp group id, ending with @g.us (not on Meta numbers).")] string? groupId = null,
        [Description("Recipient WhatsApp channel id, ending with @newsletter (not on Meta numbers).")] string? newsletterId = null,
        [Description("Template mode: the template id (tpl_...) or name.")] string? templateId = null,
        [Description("Template mode: a value for each template variable, by variable name.")] Dictionary<string, string>? variables = null,
        [Description("Free-text mode: the message text.")] string? text = null,
        [Description("Direct media mode (or the media override of a template): a public http(s) URL or a base64 data URI.")] string? media = null,
        [Description("Required with direct media; audio arrives as a voice note.")] MediaType? mediaType = null,
        [Description("Caption for image, video or document media; not allowed with audio.")] string? caption = null,
        [Description("Schedule the send for this ISO-8601 instant; until then it can be cancelled with messages_cancel.")] string? deliverAt = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new SendMessageBody(destinationNumber, groupId, newsletterId, templateId, variables, text, media, mediaType, caption, deliverAt).ToBody();
            var response = await client.SendMessageAsync(body, cancellationToken);
            return ToolResults.Success(response.Body, "Queued. Delivery is asynchronous: call message_get with this id to follow QUEUED -> SENT -> DELIVERED (or FAILED).");
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "message_get", Title = "Get a message and its status", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one message of the key-bound number with its delivery status (QUEUED, SENT, DELIVERED, READ, FAILED, CANCELED), timestamps and error. Accepts the id from messages_send, its correlationId, or the WhatsApp message id (wamid). Inbound messages carry media.id for media_get.")]
    public Task<CallToolResult> GetMessage(
        [Description("Message id (msg_...), correlationId or wamid.")] string messageId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetMessageAsync(Arguments.NotBlank(messageId, nameof(messageId)), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "messages_cancel", Title = "Cancel scheduled messages", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Cancel scheduled messages that have not been sent yet (status QUEUED with a future deliverAt). Cancelled messages keep their record with status CANCELED; the result says which ids were cancelled and which were not. Needs the number-scoped key that sent them.")]
    public Task<CallToolResult> CancelMessages(
        [Description("Ids of the messages to cancel (1 to 100).")] string[] messageIds,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.CancelMessagesAsync(Arguments.Ids(messageIds, 1, 100, nameof(messageIds)), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "messages_group", Title = "List group messages", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List WhatsApp group messages of the key-bound number, newest first, optionally between two dates (over createdAt). Paged with page/pageSize. Group messages exist on QR-paired numbers; most Meta numbers get NOT_SUPPORTED_FOR_META. Content may be redacted by the privacy mode of the number.")]
    public Task<CallToolResult> GroupMessages(
        [Description("Only messages created at or after this ISO-8601 instant.")] string? startDate = null,
        [Description("Only messages created at or before this ISO-8601 instant.")] string? endDate = null,
        [Description("Page number, from 1 (default 1).")] int? page = null,
        [Description("Messages per page, 1 to 100 (default 30).")] int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (start, end) = Arguments.DateRange(startDate, endDate, nameof(startDate), nameof(endDate));
            var response = await client.GroupMessagesAsync(start, end, Page(page), PageSize(pageSize), cancellationToken);
            return ToolResults.Success(response.Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "messages_unread", Title = "List unread inbound messages", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List unread inbound messages of the key-bound number, newest first. total is the true unread count across conversations. Paged with page/pageSize. Reply with messages_send to the sender number (or userId).")]
    public Task<CallToolResult> UnreadMessages(
        [Description("Page number, from 1 (default 1).")] int? page = null,
        [Description("Messages per page, 1 to 100 (default 30).")] int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.UnreadMessagesAsync(Page(page), PageSize(pageSize), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "conversations_list", Title = "List conversations", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the conversations of the key-bound number (direct, group, channel), most recent activity first, with unread counts and a preview of the last message; optionally between two dates over lastMessageAt. A contact without a visible phone has a userId: pass it as destinationNumber to reply.")]
    public Task<CallToolResult> ListConversations(
        [Description("Only conversations active at or after this ISO-8601 instant.")] string? startDate = null,
        [Description("Only conversations active at or before this ISO-8601 instant.")] string? endDate = null,
        [Description("Page number, from 1 (default 1).")] int? page = null,
        [Description("Conversations per page, 1 to 100 (default 30).")] int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (start, end) = Arguments.DateRange(startDate, endDate, nameof(startDate), nameof(endDate));
            var response = await client.ConversationsAsync(start, end, Page(page), PageSize(pageSize), cancellationToken);
            return ToolResults.Success(response.Body);
        });

    private static int? Page(int? page) => Arguments.InRange(page, 1, int.MaxValue, nameof(page));

    private static int? PageSize(int? pageSize) => Arguments.InRange(pageSize, 1, 100, nameof(pageSize));
}
