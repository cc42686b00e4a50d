using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>
/// A Key Vault stand-in on loopback HTTPS with a certificate made for the test. It speaks what the real
/// <see cref="SecretClient"/> needs: the bearer challenge on an unauthenticated request, then
/// GET /secrets/{name} answered in Key Vault's JSON shape (404 SecretNotFound for an unknown name).
/// </summary>
public sealed class FakeKeyVault : IAsyncDisposable
{
    public const string Token = "fake-vault-access-token";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate, Uri uri)
    {
        _app = app;
        _certificate = certificate;
        Uri = uri;
    }

    public Uri Uri { get; }

    public ConcurrentDictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Every secret request: the name, and whether it carried the access token.</summary>
    public ConcurrentQueue<(string Name, bool Authorized)> Requests { get; } = new();

    public int Reads(string name) => Requests.Count(r => r.Name == name && r.Authorized);

    public static async Task<FakeKeyVault> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        FakeKeyVault? vault = null;
        app.MapGet("/secrets/{**path}", (HttpContext context, string path) => vault!.Answer(context, path.Split('/')[0]));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        vault = new FakeKeyVault(app, certificate, new Uri(address.TrimEnd('/') + "/"));
        return vault;
    }

    /// <summary>The SDK's client, trusting exactly this vault's certificate and signing in with a fake credential.</summary>
    public SecretClient CreateClient()
    {
        var thumbprint = _certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(handler),
            // The challenge names the public cloud's resource while the vault is on 127.0.0.1.
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = 0;
        return new SecretClient(Uri, new FakeCredential(), options);
    }

    private IResult Answer(HttpContext context, string name)
    {
        var authorized = context.Request.Headers.Authorization.ToString() == "Bearer " + Token;
        Requests.Enqueue((name, authorized));
        if (!authorized)
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47\", resource=\"https://vault.azure.net\"";
            return Results.Json(new { error = new { code = "Unauthorized", message = "AKV10000: Request is missing a Bearer or PoP token." } }, statusCode: 401);
        }

        if (!Secrets.TryGetValue(name, out var value))
        {
            return Results.Json(new { error = new { code = "SecretNotFound", message = $"A secret with (name/id) {name} was not found in this key vault." } }, statusCode: 404);
        }

        return Results.Json(new
        {
            value,
            id = $"{Uri}secrets/{name}/4387e9f3d6e14c459867679a90fd0f79",
            attributes = new { enabled = true, created = 1764633600, updated = 1764633600, recoveryLevel = "Recoverable+Purgeable" },
            tags = new { },
        });
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form it can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
