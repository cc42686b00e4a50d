using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Infrastructure;

/// <summary>HTTP clients that call the twin's APIs directly, with the credential headers the vendors use.</summary>
public static class SandboxClients
{
    public static HttpClient PilotStatus(SandboxServer sandbox, string key, string? numberHeader = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(sandbox.PilotStatusBaseUrl + "/") };
        http.DefaultRequestHeaders.Add("x-api-key", key);
        if (numberHeader is not null)
        {
            http.DefaultRequestHeaders.Add("x-whatsapp-number-id", numberHeader);
        }

        return http;
    }

    public static HttpClient ChiliPiper(SandboxServer sandbox, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(sandbox.ChiliPiperBaseUrl + "/") };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
        return http;
    }
}
