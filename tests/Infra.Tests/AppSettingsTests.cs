using System.Text.Json.Nodes;

namespace Serverless.Infra.Tests;

/// <summary>The app settings the Bicep sets on the function app are ones something reads, with the right values.</summary>
public sealed class AppSettingsTests
{
    /// <summary>Read by the Functions host and the Azure SDK, not by the gateway's own configuration.</summary>
    private static readonly string[] PlatformSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "AZURE_CLIENT_ID",
    ];

    /// <summary>Gateway settings of the Azure home (managed credentials, Key Vault, the Table booking store, telemetry).</summary>
    private static readonly string[] AzureHostingSettings =
    [
        "Credentials__Mode",
        "KeyVault__Uri",
        "Booking__Store",
        "Booking__TableServiceUri",
        "Booking__TableName",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void Every_setting_is_one_the_gateway_or_the_platform_reads()
    {
        var known = ReadmeConfiguration.SettingNames().Concat(PlatformSettings).Concat(AzureHostingSettings).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Sandbox__Enabled", known);
        Assert.All(Settings().Select(s => s.Key), name => Assert.True(known.Contains(name),
            $"app setting {name} is read by nothing: not in the README configuration table nor a platform setting"));
    }

    [Fact]
    public void Managed_credentials_key_vault_and_the_table_store_are_switched_on()
    {
        var (deployment, settings) = ResolvedSettings();

        Assert.Equal("Managed", settings["Credentials__Mode"]);
        Assert.Equal("Table", settings["Booking__Store"]);
        Assert.Equal("bookingsessions", settings["Booking__TableName"]);
        Assert.Equal("false", settings["Sandbox__Enabled"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("'keyvault'", settings["KeyVault__Uri"], StringComparison.Ordinal);
        Assert.Contains(".outputs.uri.value", settings["KeyVault__Uri"], StringComparison.Ordinal);
        Assert.Contains("'storage'", settings["Booking__TableServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".outputs.tableEndpoint.value", settings["Booking__TableServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".outputs.name.value", settings["AzureWebJobsStorage__accountName"], StringComparison.Ordinal);
        Assert.Contains(".outputs.connectionString.value", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.NotNull(deployment);
    }

    [Fact]
    public void The_oauth_server_signs_in_at_the_oidc_provider_of_the_azd_parameters_and_stays_off_without_one()
    {
        var (deployment, settings) = ResolvedSettings();

        foreach (var (setting, parameter) in new[]
        {
            ("OAuth__Oidc__Authority", "oidcAuthority"), ("OAuth__Oidc__ClientId", "oidcClientId"),
            ("OAuth__Oidc__AllowedUsers", "oidcAllowedUsers"), ("OAuth__Oidc__AllowedGroups", "oidcAllowedGroups"),
        })
        {
            Assert.Equal($"[parameters('{parameter}')]", settings[setting]);
            Assert.Equal("", (string?)Template.Parameters[parameter]?["defaultValue"]);
        }

        // Without an authority and a client id the server is off, since the gateway refuses an Oidc sign-in with no provider.
        Assert.Equal("[if(variables('oauthOn'), 'true', 'false')]", settings["OAuth__Enabled"]);
        Assert.Equal("[if(variables('oauthOn'), 'Oidc', 'None')]", settings["OAuth__SignIn"]);
        var on = (string?)deployment.Template["variables"]?["oauthOn"];
        Assert.Equal("[and(not(empty(parameters('oidcAuthority'))), not(empty(parameters('oidcClientId'))))]", on);
        Assert.StartsWith("[format('https://{0}', ", settings["OAuth__Issuer"], StringComparison.Ordinal);
        Assert.Contains(".defaultHostName", settings["OAuth__Issuer"], StringComparison.Ordinal);
        Assert.Equal("Table", settings["OAuth__Store"]);
        Assert.Contains(".outputs.tableEndpoint.value", settings["OAuth__TableServiceUri"], StringComparison.Ordinal);
        Assert.Equal("oauthgrants", settings["OAuth__TableName"]);
        // The client secret and signing keys are Key Vault secrets, never settings.
        Assert.DoesNotContain(settings.Keys, k => k.Contains("secret", StringComparison.OrdinalIgnoreCase) || k.Contains("SigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_telemetry_and_the_azure_sdk_authenticate_as_the_app_identity()
    {
        var (_, settings) = ResolvedSettings();
        const string identityClientId = ".outputs.clientId.value";

        Assert.Contains(identityClientId, settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Contains(identityClientId, settings["AZURE_CLIENT_ID"], StringComparison.Ordinal);
        Assert.Contains("'identity'", settings["AZURE_CLIENT_ID"], StringComparison.Ordinal);
        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void No_setting_holds_a_storage_key_or_one_flex_consumption_refuses()
    {
        string[] refused = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "AzureWebJobsStorage",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE"];
        var settings = Settings();

        Assert.All(refused, name => Assert.False(settings.ContainsKey(name), $"{name} must not be set on a Flex Consumption app"));
        Assert.All(settings, s => Assert.DoesNotContain("listKeys", s.Value?.ToString() ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.All(settings, s => Assert.DoesNotContain("AccountKey=", s.Value?.ToString() ?? "", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject Settings() => AppSettingsResource().Resource["properties"]!.AsObject();

    private static (CompiledTemplate.Deployment Deployment, JsonObject Resource) AppSettingsResource()
    {
        var configs = Template.OfType("Microsoft.Web/sites/config")
            .Where(c => ((string?)c.Resource["name"])?.Contains("'appsettings'", StringComparison.Ordinal) == true)
            .ToList();
        return Assert.Single(configs);
    }

    private static (CompiledTemplate.Deployment Deployment, Dictionary<string, string> Settings) ResolvedSettings()
    {
        var (deployment, resource) = AppSettingsResource();
        var settings = resource["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => deployment.ResolveString(p.Value) ?? "", StringComparer.Ordinal);
        return (deployment, settings);
    }
}
