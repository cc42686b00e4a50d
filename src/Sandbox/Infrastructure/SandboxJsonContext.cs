using System.Text.Json.Serialization;
using Serverless.Sandbox.ChiliPiper;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Infrastructure;

/// <summary>
/// Every type the twin writes, and nothing resolves beyond it (see <see cref="SandboxJson.Options"/>). A response
/// written through <see cref="SandboxJson.Result{T}"/> needs its static type here; a value held as <c>object</c>
/// (error details) needs its runtime type here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
// Shared
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
// Pilot Status: errors and their details
[JsonSerializable(typeof(PilotStatusError))]
[JsonSerializable(typeof(MissingVariablesDetails))]
[JsonSerializable(typeof(UnknownEventsDetails))]
[JsonSerializable(typeof(FieldErrorsDetails))]
// Pilot Status: account, subscription, branding, analytics
[JsonSerializable(typeof(ApiKeyListItem[]))]
[JsonSerializable(typeof(RegeneratedApiKey))]
[JsonSerializable(typeof(BrandingResponse))]
[JsonSerializable(typeof(CheckoutResponse))]
[JsonSerializable(typeof(ExtraNumbersPreview))]
[JsonSerializable(typeof(ExtraNumbersCheckout))]
[JsonSerializable(typeof(ExtraNumbersCharged))]
[JsonSerializable(typeof(AnalyticsDashboardResponse))]
// Pilot Status: numbers
[JsonSerializable(typeof(NumberItem[]))]
[JsonSerializable(typeof(NumberDetail))]
[JsonSerializable(typeof(NumberCreatedResponse))]
[JsonSerializable(typeof(NumberDeletedResponse))]
[JsonSerializable(typeof(NumberStatusResponse))]
[JsonSerializable(typeof(NumberConnectResponse))]
[JsonSerializable(typeof(NumberCheckResponse))]
[JsonSerializable(typeof(RemotePairingResponse))]
[JsonSerializable(typeof(NumberStatusSimulationResponse))]
// Pilot Status: messages, conversations, media
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(CancelMessagesResponse))]
[JsonSerializable(typeof(MessagePage<GroupMessageItem>))]
[JsonSerializable(typeof(MessagePage<UnreadMessageItem>))]
[JsonSerializable(typeof(ConversationPage))]
[JsonSerializable(typeof(MediaResponse))]
[JsonSerializable(typeof(InboundSimulationResponse))]
// Pilot Status: templates
[JsonSerializable(typeof(TemplateItem))]
[JsonSerializable(typeof(TemplateItem[]))]
[JsonSerializable(typeof(TemplateSummary))]
[JsonSerializable(typeof(TemplateDeleted))]
// Pilot Status: groups and newsletters
[JsonSerializable(typeof(GroupList))]
[JsonSerializable(typeof(GroupInfoResponse))]
[JsonSerializable(typeof(GroupCreatedResponse))]
[JsonSerializable(typeof(GroupInviteResponse))]
[JsonSerializable(typeof(GroupPinResponse))]
[JsonSerializable(typeof(ParticipantsUpdateResponse))]
[JsonSerializable(typeof(NewsletterList))]
// Pilot Status: webhooks
[JsonSerializable(typeof(WebhookResponse))]
[JsonSerializable(typeof(WebhookResponse[]))]
[JsonSerializable(typeof(WebhookDeletedResponse))]
[JsonSerializable(typeof(WebhookLogPage))]
// Pilot Status: calls
[JsonSerializable(typeof(CallCreated))]
[JsonSerializable(typeof(CallPage))]
[JsonSerializable(typeof(CallDetail))]
[JsonSerializable(typeof(CallAction))]
[JsonSerializable(typeof(SettingsUpdated))]
[JsonSerializable(typeof(PermissionRequested))]
// Chili Piper
[JsonSerializable(typeof(ChiliPiperError))]
[JsonSerializable(typeof(TenantInfoResponse))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(TeamView))]
[JsonSerializable(typeof(AdminPage<TeamView>))]
[JsonSerializable(typeof(AdminPage<WorkspaceView>))]
[JsonSerializable(typeof(DistroRouterList))]
[JsonSerializable(typeof(ResourceSchedulerRunView))]
[JsonSerializable(typeof(MeetingActionResult))]
[JsonSerializable(typeof(MeetingActivityLink))]
[JsonSerializable(typeof(MeetingListResponse))]
[JsonSerializable(typeof(MeetingRecordResponse))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
