namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// Fixed ids of the demo Pilot Status account. Timestamps of seeded traffic are relative to the clock at start-up,
/// so "unread 2 hours ago" stays true whatever day the sandbox runs.
/// </summary>
public static class PilotStatusSeed
{
    public const string TenantId = "ten_sandbox";

    public const string TenantKeyId = "key_sandbox_tenant";
    public const string NumberKeyId1 = "key_sandbox_number_1";
    public const string NumberKeyId2 = "key_sandbox_number_2";

    /// <summary>Meta Cloud API number "Sandbox Store".</summary>
    public const string NumberId1 = "num_sandbox_1";
    public const string PhoneNumber1 = "+5511900000001";
    public const string DisplayName1 = "Sandbox Store";

    /// <summary>QR-paired (Evolution) number "Sandbox Support".</summary>
    public const string NumberId2 = "num_sandbox_2";
    public const string PhoneNumber2 = "+5511900000002";
    public const string DisplayName2 = "Sandbox Support";

    /// <summary>Approved Meta template on number 1; variables <c>name</c>, <c>order</c>.</summary>
    public const string TemplateOrderUpdateId = "tpl_sandbox_order_update";
    public const string TemplateOrderUpdateName = "order_update";

    /// <summary>Meta template on number 1 still PENDING approval: sends are accepted and then fail.</summary>
    public const string TemplateSpringPromoId = "tpl_sandbox_spring_promo";
    public const string TemplateSpringPromoName = "spring_promo";

    /// <summary>Template on number 2; variable <c>name</c>.</summary>
    public const string TemplateWelcomeId = "tpl_sandbox_welcome";
    public const string TemplateWelcomeName = "welcome";

    /// <summary>Template on number 2; variables <c>name</c>, <c>ticket</c>.</summary>
    public const string TemplateTicketClosedId = "tpl_sandbox_ticket_closed";
    public const string TemplateTicketClosedName = "ticket_closed";

    /// <summary>
    /// The template of the vendor's send-message playground example (<c>templateId: boas_vindas</c>, variable <c>nome</c>),
    /// approved on number 1 so the documented example works as written.
    /// </summary>
    public const string TemplateBoasVindasId = "tpl_sandbox_boas_vindas";
    public const string TemplateBoasVindasName = "boas_vindas";

    /// <summary>
    /// The template of the vendor's send-messages guide (<c>templateId: onboarding-test</c>, variables <c>name</c>,
    /// <c>order_id</c>), approved on number 1 under the name the guide uses.
    /// </summary>
    public const string TemplateOnboardingTestId = "tpl_sandbox_onboarding_test";
    public const string TemplateOnboardingTestName = "onboarding-test";

    /// <summary>Number 1 contact who wrote 2 hours ago (inside Meta's 24 h window); 2 unread.</summary>
    public const string ConversationAnaId = "conv_sandbox_ana";
    public const string ContactAnaPhone = "+5511988887777";
    public const string ContactAnaUserId = "BR.1349000000000001";

    /// <summary>Number 1 contact whose last message is 3 days old: free-form text to them fails with META_OUTSIDE_24H_WINDOW.</summary>
    public const string ConversationBrunoId = "conv_sandbox_bruno";
    public const string ContactBrunoPhone = "+5511977776666";
    public const string ContactBrunoUserId = "BR.1349000000000002";

    /// <summary>Number 1 username-only contact (no phone); reply with the BSUID; 1 unread.</summary>
    public const string ConversationDoraId = "conv_sandbox_dora";
    public const string ContactDoraUserId = "BR.1349000000000003";
    public const string ContactDoraUsername = "dora.shop";

    /// <summary>Number 2 contact; 1 unread.</summary>
    public const string ConversationCarlaId = "conv_sandbox_carla";
    public const string ContactCarlaPhone = "+5521966665555";
    public const string ContactCarlaUserId = "BR.1349000000000004";

    /// <summary>Number 2 WhatsApp group; 2 unread.</summary>
    public const string ConversationGroupId = "conv_sandbox_group";
    public const string GroupId = "120363000000000001@g.us";
    public const string GroupName = "Sandbox Customers";

    internal static void Populate(PilotStatusState state, DateTimeOffset now)
    {
        var createdAt = now.AddDays(-90);

        state.TenantList.Add(new PilotStatusTenant { Id = TenantId, Name = "Sandbox Demo" });

        var store = new WhatsAppNumber
        {
            Id = NumberId1,
            TenantId = TenantId,
            PhoneNumber = PhoneNumber1,
            DisplayName = DisplayName1,
            Provider = WhatsAppProviders.Meta,
            ProviderKind = "META",
            CreatedAt = createdAt,
        };
        var support = new WhatsAppNumber
        {
            Id = NumberId2,
            TenantId = TenantId,
            PhoneNumber = PhoneNumber2,
            DisplayName = DisplayName2,
            Provider = WhatsAppProviders.PilotStatus,
            ProviderKind = "EVO",
            CreatedAt = createdAt,
        };
        state.NumberList.Add(store);
        state.NumberList.Add(support);

        state.ApiKeyList.Add(Key(TenantKeyId, SandboxCredentials.PilotStatusTenantKey, "Tenant key", ApiKeyScope.Tenant, null, createdAt));
        state.ApiKeyList.Add(Key(NumberKeyId1, SandboxCredentials.PilotStatusNumberKey1, DisplayName1, ApiKeyScope.Number, NumberId1, createdAt));
        state.ApiKeyList.Add(Key(NumberKeyId2, SandboxCredentials.PilotStatusNumberKey2, DisplayName2, ApiKeyScope.Number, NumberId2, createdAt));

        state.TemplateList.Add(Template(TemplateOrderUpdateId, NumberId1, TemplateOrderUpdateName, "UTILITY",
            "Hi {{name}}, your order {{order}} has been updated. Reply to this message if you have questions.",
            WhatsAppProviders.Meta, "APPROVED", "en_US", createdAt));
        state.TemplateList.Add(Template(TemplateSpringPromoId, NumberId1, TemplateSpringPromoName, "MARKETING",
            "Hi {{name}}, enjoy 10% off everything this week at Sandbox Store!",
            WhatsAppProviders.Meta, "PENDING", "en_US", now.AddDays(-1)));
        state.TemplateList.Add(Template(TemplateBoasVindasId, NumberId1, TemplateBoasVindasName, "UTILITY",
            "Olá {{nome}}, boas-vindas à Sandbox Store! Responda esta mensagem se precisar de ajuda.",
            WhatsAppProviders.Meta, "APPROVED", "pt_BR", createdAt));
        state.TemplateList.Add(Template(TemplateOnboardingTestId, NumberId1, TemplateOnboardingTestName, "UTILITY",
            "Hi {{name}}, welcome aboard! Your order {{order_id}} is confirmed.",
            WhatsAppProviders.Meta, "APPROVED", "en_US", createdAt));
        state.TemplateList.Add(Template(TemplateWelcomeId, NumberId2, TemplateWelcomeName, "UTILITY",
            "Welcome to Sandbox Support, {{name}}! Reply here any time and we will get back to you.",
            WhatsAppProviders.PilotStatus, null, "en_US", createdAt));
        state.TemplateList.Add(Template(TemplateTicketClosedId, NumberId2, TemplateTicketClosedName, "UTILITY",
            "Hi {{name}}, ticket {{ticket}} is now closed. Thanks for contacting Sandbox Support.",
            WhatsAppProviders.PilotStatus, null, "en_US", createdAt));

        SeedStoreInbox(state, store, now);
        SeedSupportInbox(state, support, now);
    }

    private static void SeedStoreInbox(PilotStatusState state, WhatsAppNumber store, DateTimeOffset now)
    {
        var ana = Direct(ConversationAnaId, store, ContactAnaPhone, "Ana Souza", ContactAnaUserId, null, now.AddDays(-20));
        Line(state, ana, "msg_sandbox_ana_1", MessageDirections.Outbound, store.PhoneNumber, store.DisplayName,
            "Hi Ana, your order #1234 is confirmed.", now.AddDays(-2), read: true);
        Line(state, ana, "msg_sandbox_ana_2", MessageDirections.Inbound, ContactAnaPhone, "Ana Souza",
            "Hi! Has my order #1234 shipped yet?", now.AddHours(-2), read: false);
        Line(state, ana, "msg_sandbox_ana_3", MessageDirections.Inbound, ContactAnaPhone, "Ana Souza",
            "Also, can I still change the delivery address?", now.AddHours(-2).AddMinutes(3), read: false);

        var bruno = Direct(ConversationBrunoId, store, ContactBrunoPhone, "Bruno Lima", ContactBrunoUserId, null, now.AddDays(-30));
        Line(state, bruno, "msg_sandbox_bruno_1", MessageDirections.Inbound, ContactBrunoPhone, "Bruno Lima",
            "Thanks, got the package!", now.AddDays(-3), read: true);

        var dora = Direct(ConversationDoraId, store, null, "Dora", ContactDoraUserId, ContactDoraUsername, now.AddDays(-1));
        Line(state, dora, "msg_sandbox_dora_1", MessageDirections.Inbound, null, "Dora",
            "Do you ship to Portugal?", now.AddHours(-5), read: false);

        state.ConversationList.AddRange([ana, bruno, dora]);
    }

    private static void SeedSupportInbox(PilotStatusState state, WhatsAppNumber support, DateTimeOffset now)
    {
        var carla = Direct(ConversationCarlaId, support, ContactCarlaPhone, "Carla Dias", ContactCarlaUserId, null, now.AddDays(-7));
        Line(state, carla, "msg_sandbox_carla_1", MessageDirections.Outbound, support.PhoneNumber, support.DisplayName,
            "Hello Carla, how can we help?", now.AddMinutes(-40), read: true);
        Line(state, carla, "msg_sandbox_carla_2", MessageDirections.Inbound, ContactCarlaPhone, "Carla Dias",
            "My app keeps logging me out.", now.AddMinutes(-30), read: false);

        var group = new Conversation
        {
            Id = ConversationGroupId,
            NumberId = support.Id,
            Type = ConversationTypes.Group,
            GroupId = GroupId,
            GroupName = GroupName,
            CreatedAt = now.AddDays(-60),
            LastMessageAt = now.AddDays(-60),
        };
        Line(state, group, "msg_sandbox_group_1", MessageDirections.Inbound, "+5531955554444", "Diego Rocha",
            "Is the maintenance window still tonight?", now.AddHours(-3), read: true);
        Line(state, group, "msg_sandbox_group_2", MessageDirections.Outbound, support.PhoneNumber, support.DisplayName,
            "Yes, from 23:00 to 23:30 UTC.", now.AddHours(-3).AddMinutes(10), read: true);
        Line(state, group, "msg_sandbox_group_3", MessageDirections.Inbound, "+5541944443333", "Elisa Martins",
            "Screenshot of the error I get after the update", now.AddMinutes(-20), read: false,
            type: "image",
            media: new MessageMedia("EVO", null, "https://example.com/sandbox/media/error-screenshot.png", "image/png", "error-screenshot.png"));
        Line(state, group, "msg_sandbox_group_4", MessageDirections.Inbound, "+5531955554444", "Diego Rocha",
            "Same here on Android.", now.AddMinutes(-15), read: false);

        state.ConversationList.AddRange([carla, group]);
    }

    private static PilotStatusApiKey Key(string id, string secret, string name, ApiKeyScope scope, string? numberId, DateTimeOffset createdAt)
        => new()
        {
            Id = id,
            Secret = secret,
            Name = name,
            Scope = scope,
            TenantId = TenantId,
            NumberId = numberId,
            CreatedAt = createdAt,
        };

    private static MessageTemplate Template(
        string id, string numberId, string name, string category, string body, string source, string? metaStatus, string language, DateTimeOffset createdAt)
        => new()
        {
            Id = id,
            NumberId = numberId,
            Name = name,
            Category = category,
            Body = body,
            Variables = MessageTemplate.ExtractVariables(body),
            Source = source,
            MetaStatus = metaStatus,
            MetaLanguage = language,
            CreatedAt = createdAt,
        };

    private static Conversation Direct(
        string id, WhatsAppNumber number, string? phone, string name, string userId, string? username, DateTimeOffset createdAt)
        => new()
        {
            Id = id,
            NumberId = number.Id,
            Type = ConversationTypes.Direct,
            From = phone,
            FromName = name,
            UserId = userId,
            Username = username,
            CreatedAt = createdAt,
            LastMessageAt = createdAt,
        };

    private static void Line(
        PilotStatusState state, Conversation conversation, string id, string direction, string? from, string? fromName,
        string content, DateTimeOffset at, bool read, string type = "text", MessageMedia? media = null)
    {
        state.ConversationMessageList.Add(new ConversationMessage
        {
            Id = id,
            ConversationId = conversation.Id,
            NumberId = conversation.NumberId,
            Direction = direction,
            Type = type,
            Content = content,
            From = from,
            FromName = fromName,
            Media = media,
            CreatedAt = at,
            ReadAt = read && direction == MessageDirections.Inbound ? at.AddMinutes(1) : null,
        });

        if (at >= conversation.LastMessageAt)
        {
            conversation.LastMessageAt = at;
            conversation.LastMessagePreview = content;
        }
    }
}
