using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Serverless.E2E.Tests.Infrastructure;

/// <summary>
/// One self-host serving OAuth with the demo sign-in in front of the sandbox, as the README tells a developer to
/// start it locally, shared by a test class. Its issuer is its own loopback URL (so the port is chosen first), its
/// signing key and store stay in a temporary folder, and it trusts exactly one extra certificate: the loopback
/// HTTPS certificate under which a test serves a Client ID Metadata Document (.NET on Linux reads its trusted roots
/// from SSL_CERT_FILE, like OpenSSL).
/// </summary>
public sealed class OAuthSelfHost : IAsyncLifetime
{
    /// <summary>The sandbox tenant's number the tests grant; the other one is left out of every grant.</summary>
    public const string GrantedNumber = "num_sandbox_2";

    public const string Chromium = "/usr/bin/chromium";

    private readonly string _folder = Directory.CreateTempSubdirectory("oauth-e2e-").FullName;

    public ServerProcess Server { get; private set; } = null!;

    /// <summary>The issuer and public origin, e.g. http://127.0.0.1:41234.</summary>
    public string Issuer { get; private set; } = null!;

    public string CertificatePem => Path.Combine(_folder, "loopback-cert.pem");

    public string KeyPem => Path.Combine(_folder, "loopback-key.pem");

    public async ValueTask InitializeAsync()
    {
        WriteLoopbackCertificate();
        var port = FreePort();
        Issuer = $"http://127.0.0.1:{port}";
        Server = await ServerProcess.StartAsync(["serve", "--sandbox", "--urls", Issuer], new Dictionary<string, string?>
        {
            ["OAuth__Enabled"] = "true",
            ["OAuth__SignIn"] = "Demo",
            ["OAuth__Issuer"] = Issuer,
            ["OAuth__ClientMetadata__AllowPrivateAddresses"] = "true",
            ["OAuth__SigningKeyFile"] = Path.Combine(_folder, "signing-keys.json"),
            ["OAuth__StorePath"] = Path.Combine(_folder, "store"),
            ["SSL_CERT_FILE"] = CertificatePem,
            ["SSL_CERT_DIR"] = Path.Combine(_folder, "no-certificate-directory"),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A self-signed certificate for 127.0.0.1, as a PEM pair for the Node.js HTTPS listener.</summary>
    private void WriteLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(CertificatePem, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPem, key.ExportPkcs8PrivateKeyPem());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
