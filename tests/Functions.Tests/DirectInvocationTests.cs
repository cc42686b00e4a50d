using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Areas;
using Serverless.Gateway.Http;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Functions.Tests;

/// <summary>Function classes constructed with the app's real services and called with a hand-made HttpContext.</summary>
public sealed class DirectInvocationTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PilotStatus:BaseUrl"] = _sandbox.PilotStatusBaseUrl,
            ["ChiliPiper:BaseUrl"] = _sandbox.ChiliPiperBaseUrl,
            ["WEBSITE_HOSTNAME"] = FunctionsHost.WebsiteHostName,
            ["Booking:Store"] = "Memory",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFunctionApp(configuration);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task An_area_function_lists_its_own_tools()
    {
        var (context, scope) = Context("POST", Raw.ToolsList);
        using (scope)
        {
            await new MessagingFunction(Endpoint(scope)).Run(context.Request, null);
            Assert.Equal(200, context.Response.StatusCode);
            Assert.Equal(["conversations_list", "message_get", "messages_cancel", "messages_group", "messages_send", "messages_unread"], Raw.ToolNames(Body(context)));
        }
    }

    [Fact]
    public async Task An_area_function_with_the_readonly_segment_lists_only_reads()
    {
        var (context, scope) = Context("POST", Raw.ToolsList);
        using (scope)
        {
            await new MessagingFunction(Endpoint(scope)).Run(context.Request, "readonly");
            Assert.Equal(["conversations_list", "message_get", "messages_group", "messages_unread"], Raw.ToolNames(Body(context)));
        }
    }

    [Fact]
    public async Task The_mcp_function_serves_a_multi_area_selection_and_404s_an_unknown_tail()
    {
        var (context, scope) = Context("POST", Raw.ToolsList);
        using (scope)
        {
            await new McpFunction(Endpoint(scope)).Run(context.Request, "x/channels,distro/readonly", durableClient: null!);
            Assert.Equal(["distro-list-routers", "newsletters_list"], Raw.ToolNames(Body(context)));
        }

        var (unknown, unknownScope) = Context("POST", Raw.ToolsList);
        using (unknownScope)
        {
            await new McpFunction(Endpoint(unknownScope)).Run(unknown.Request, "y/channels", durableClient: null!);
            Assert.Equal(404, unknown.Response.StatusCode);
        }
    }

    [Fact]
    public async Task A_tool_call_reaches_the_sandbox()
    {
        var (context, scope) = Context("POST", """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"health-ping","arguments":{}}}""");
        using (scope)
        {
            await new OrganizationFunction(Endpoint(scope)).Run(context.Request, null);
            var result = Raw.Message(Body(context))["result"]!;
            Assert.NotEqual(true, (bool?)result["isError"]);
            Assert.NotNull(result["structuredContent"]);
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Get_and_delete_get_405_naming_post(string method)
    {
        var (context, scope) = Context(method, null);
        using (scope)
        {
            await new CrmFunction(Endpoint(scope)).Run(context.Request, null);
            Assert.Equal(405, context.Response.StatusCode);
            Assert.Equal("POST", context.Response.Headers.Allow.ToString());
            Assert.Equal(-32000, (int)Raw.Message(Body(context))["error"]!["code"]!);
        }
    }

    [Fact]
    public async Task A_mode_other_than_readonly_is_404()
    {
        var (context, scope) = Context("POST", Raw.ToolsList);
        using (scope)
        {
            await new CrmFunction(Endpoint(scope)).Run(context.Request, "everything");
            Assert.Equal(404, context.Response.StatusCode);
        }
    }

    [Theory]
    [InlineData(FunctionsHost.WebsiteHostName, 200)]
    [InlineData("rebound.example", 403)]
    public async Task The_forwarded_host_is_checked(string forwardedHost, int status)
    {
        var (context, scope) = Context("POST", Raw.ToolsList);
        using (scope)
        {
            context.Request.Host = new HostString("127.0.0.1", 7071);
            context.Request.Headers["X-Forwarded-Host"] = forwardedHost;
            await new McpFunction(Endpoint(scope)).Run(context.Request, null, durableClient: null!);
            Assert.Equal(status, context.Response.StatusCode);
        }
    }

    private static McpGatewayEndpoint Endpoint(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<McpGatewayEndpoint>();

    private (DefaultHttpContext Context, IServiceScope Scope) Context(string method, string? body)
    {
        var scope = _services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Headers.Accept = "application/json, text/event-stream";
        foreach (var (name, value) in Raw.BothCredentials)
        {
            context.Request.Headers[name] = value;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return (context, scope);
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
