namespace Serverless.Sandbox.PilotStatus;

/// <summary>Inbox-style reads of the Messaging area: conversations, unread messages and group messages.</summary>
internal static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/conversations", KeyRequirement.Number, state, ListConversations);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/messages/unread", KeyRequirement.Number, state, ListUnread);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/messages/group", KeyRequirement.Number, state, ListGroupMessages);
        return routes;
    }

    private static IResult ListConversations(PilotStatusCall call)
    {
        if (PilotStatusQuery.ParseDateRange(call.Query, out var range) is { } invalidRange)
        {
            return invalidRange;
        }

        if (PilotStatusQuery.ParsePage(call.Query, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var state = call.State;
        var matching = state.ConversationList
            .Where(c => c.NumberId == call.Number.Id && range.Contains(c.LastMessageAt))
            .OrderByDescending(c => c.LastMessageAt)
            .ToArray();

        var items = page.Slice(matching).Select(c => new ConversationItem(
            c.Id, c.Type, c.From, c.FromName, c.UserId, c.Username, c.GroupId, c.GroupName,
            state.UnreadCount(c.Id), c.LastMessageAt, c.LastMessagePreview, c.CreatedAt)).ToArray();

        return SandboxJson.Result(
            new ConversationPage(items, matching.Length, page.Page, page.PageSize, page.TotalPages(matching.Length)));
    }

    private static IResult ListUnread(PilotStatusCall call)
    {
        if (PilotStatusQuery.ParsePage(call.Query, out var page) is { } invalid)
        {
            return invalid;
        }

        var state = call.State;
        var unreadByConversation = state.ConversationList
            .Where(c => c.NumberId == call.Number.Id)
            .ToDictionary(c => c.Id, c => state.UnreadCount(c.Id));

        var unread = state.ConversationMessageList
            .Where(m => m.IsUnread && unreadByConversation.ContainsKey(m.ConversationId))
            .OrderByDescending(m => m.CreatedAt)
            .ToArray();

        // The vendor reports the true unread count (sum over conversations), not the number of rows returned.
        var total = unreadByConversation.Values.Sum();
        var items = page.Slice(unread).Select(m => new UnreadMessageItem(
            m.Id, m.ConversationId, unreadByConversation[m.ConversationId], MessageDirections.Inbound, m.Type,
            m.Content, m.From, m.FromName, m.Media, null, m.CreatedAt)).ToArray();

        return SandboxJson.Result(
            new MessagePage<UnreadMessageItem>(items, total, page.Page, page.PageSize, page.TotalPages(total)));
    }

    private static IResult ListGroupMessages(PilotStatusCall call)
    {
        if (call.Number.IsMeta)
        {
            return PilotStatusErrors.NotSupportedForMeta("Group messages are not available for Meta (official API) numbers.");
        }

        if (PilotStatusQuery.ParseDateRange(call.Query, out var range) is { } invalidRange)
        {
            return invalidRange;
        }

        if (PilotStatusQuery.ParsePage(call.Query, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var now = call.Now;
        var groups = call.State.ConversationList
            .Where(c => c.NumberId == call.Number.Id && c.Type == ConversationTypes.Group)
            .ToDictionary(c => c.Id);

        var matching = call.State.ConversationMessageList
            .Where(m => groups.ContainsKey(m.ConversationId) && m.CreatedAt <= now && range.Contains(m.CreatedAt))
            .OrderByDescending(m => m.CreatedAt)
            .ToArray();

        var items = page.Slice(matching).Select(m =>
        {
            var group = groups[m.ConversationId];
            return new GroupMessageItem(m.Id, m.ConversationId, m.Direction, m.Type, m.Content, m.From, m.FromName,
                group.GroupId, group.GroupName, m.Media, m.CreatedAt);
        }).ToArray();

        return SandboxJson.Result(
            new MessagePage<GroupMessageItem>(items, matching.Length, page.Page, page.PageSize, page.TotalPages(matching.Length)));
    }
}
