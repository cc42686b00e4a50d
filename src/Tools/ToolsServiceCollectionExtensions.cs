using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.PilotStatus;

namespace Serverless.Tools;

public static class ToolsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the catalog, both typed clients and their options. <see cref="CallerCredentials"/> is
    /// scoped: each request (or stdio call) fills its own.
    /// </summary>
    public static IServiceCollection AddGatewayTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(ToolCatalog)))
        {
            // Reading 108 tools' schemas is the longest part of a start: it runs on another core while the host
            // is built and started, and the first service that needs the catalog waits for what is left.
            var catalog = Task.Run(ToolCatalog.CreateDefault);
            services.AddSingleton(_ => catalog.GetAwaiter().GetResult());
        }

        services.TryAddScoped<CallerCredentials>();
        services.TryAddSingleton<KnownSecrets>();
        services.TryAddSingleton<CredentialScrubber>();
        ScrubbingLoggerFactory.Register(services);

        services.AddOptions<UpstreamOptions>(UpstreamOptions.PilotStatusSection)
            .Bind(configuration.GetSection(UpstreamOptions.PilotStatusSection))
            .PostConfigure(o => o.BaseUrl = string.IsNullOrWhiteSpace(o.BaseUrl) ? UpstreamOptions.PilotStatusDefaultBaseUrl : o.BaseUrl)
            // A server-held key is a secret the scrubber must know before any request can echo it.
            .PostConfigure<KnownSecrets>((o, known) => known.Remember(o.ApiKey))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "PilotStatus:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<UpstreamOptions>(UpstreamOptions.ChiliPiperSection)
            .Bind(configuration.GetSection(UpstreamOptions.ChiliPiperSection))
            .PostConfigure(o => o.BaseUrl = string.IsNullOrWhiteSpace(o.BaseUrl) ? UpstreamOptions.ChiliPiperDefaultBaseUrl : o.BaseUrl)
            // A server-held key is a secret the scrubber must know before any request can echo it.
            .PostConfigure<KnownSecrets>((o, known) => known.Remember(o.ApiKey))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "ChiliPiper:BaseUrl must be an absolute URL.")
            .ValidateOnStart();

        // The client enforces its own per-attempt timeout, so the HttpClient's must not cut in first.
        services.AddHttpClient<PilotStatusClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<ChiliPiperClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);

        // The thin client of each API area, over the two clients above; tool classes take the one they call.
        // Listed rather than scanned, so a trimmed build keeps them; a test checks none is missing.
        services.TryAddTransient<AccountClient>();
        services.TryAddTransient<CallsClient>();
        services.TryAddTransient<GroupsClient>();
        services.TryAddTransient<MessagingClient>();
        services.TryAddTransient<NumbersClient>();
        services.TryAddTransient<TemplatesClient>();
        services.TryAddTransient<WebhooksClient>();
        services.TryAddTransient<ConciergeClient>();
        services.TryAddTransient<CrmClient>();
        services.TryAddTransient<DistributionsClient>();
        services.TryAddTransient<DistroClient>();
        services.TryAddTransient<HandoffClient>();
        services.TryAddTransient<MeetingsClient>();
        services.TryAddTransient<OrganizationClient>();
        services.TryAddTransient<RulesClient>();
        services.TryAddTransient<SchedulingClient>();
        services.TryAddTransient<TeamsClient>();
        services.TryAddTransient<UsersClient>();
        services.TryAddTransient<WorkspacesClient>();

        return services;
    }
}
