using System.Text.Json.Nodes;

namespace Serverless.Infra.Tests;

/// <summary>The compiled resources have the hosting plan, identity and hardening the deployment promises.</summary>
public sealed class ResourceShapeTests
{
    /// <summary>Azure built-in role definition ids (learn.microsoft.com, "Azure built-in roles").</summary>
    private static readonly Dictionary<string, string> BuiltInRoles = new(StringComparer.Ordinal)
    {
        ["keyVaultSecretsOfficer"] = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
        ["keyVaultSecretsUser"] = "4633458b-17de-408a-b874-0445c86b69e6",
        ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    };

    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void The_plan_is_flex_consumption_on_linux()
    {
        var (_, plan) = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.True((bool?)plan["properties"]?["reserved"]);
    }

    [Fact]
    public void The_function_app_runs_dotnet_10_isolated_over_https_only()
    {
        var (deployment, site) = Template.Single("Microsoft.Web/sites");
        var properties = site["properties"]!;
        var config = properties["functionAppConfig"]!;

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.True((bool?)properties["httpsOnly"]);
        Assert.Equal("1.2", (string?)properties["siteConfig"]?["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]?["ftpsState"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);
        // Both scale settings come from main.bicep's parameters, so an environment can change them.
        Assert.Equal("[parameters('maximumInstanceCount')]", deployment.ResolveString(config["scaleAndConcurrency"]?["maximumInstanceCount"]));
        Assert.Equal("[parameters('instanceMemoryMB')]", deployment.ResolveString(config["scaleAndConcurrency"]?["instanceMemoryMB"]));
        Assert.Equal(40, (int?)Template.Parameters["maximumInstanceCount"]?["defaultValue"]);
        Assert.Equal(2048, (int?)Template.Parameters["instanceMemoryMB"]?["defaultValue"]);
    }

    [Fact]
    public void The_app_runs_as_the_user_assigned_identity_and_deploys_from_its_blob_container_with_it()
    {
        var (deployment, site) = Template.Single("Microsoft.Web/sites");
        var identity = site["identity"]!;
        var storage = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Contains("parameters('identityId')", assigned.Key, StringComparison.Ordinal);
        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]?["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage["authentication"]?["userAssignedIdentityResourceId"]);
        Assert.Contains("'identity'", deployment.ResolveString(storage["authentication"]?["userAssignedIdentityResourceId"]), StringComparison.Ordinal);
        Assert.Equal("[format('{0}{1}', parameters('storageBlobEndpoint'), parameters('deploymentContainerName'))]", (string?)storage["value"]);

        var (_, container) = Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var (appDeployment, _) = Template.Single("Microsoft.Web/sites");
        Assert.Contains("parameters('deploymentContainerName')", (string?)container["name"], StringComparison.Ordinal);
        Assert.Equal(appDeployment.ResolveString(JsonValue.Create("[parameters('deploymentContainerName')]")),
            Template.Single("Microsoft.Storage/storageAccounts").Deployment.ResolveString(JsonValue.Create("[parameters('deploymentContainerName')]")));
    }

    [Fact]
    public void Storage_takes_identities_only_and_holds_the_booking_and_oauth_tables()
    {
        var (_, account) = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.False((bool?)account["properties"]?["allowSharedKeyAccess"]);
        Assert.False((bool?)account["properties"]?["allowBlobPublicAccess"]);
        Assert.Equal("TLS1_2", (string?)account["properties"]?["minimumTlsVersion"]);
        Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/tableServices"));
        var tables = Template.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").ToList();
        Assert.Equal(2, tables.Count);
        var (deployment, table) = Assert.Single(tables, t => ((string?)t.Resource["name"])?.Contains("parameters('bookingTableName')", StringComparison.Ordinal) == true);
        Assert.Equal("bookingsessions", deployment.ResolveString(JsonValue.Create("[parameters('bookingTableName')]")));
        var (oauthDeployment, _) = Assert.Single(tables, t => ((string?)t.Resource["name"])?.Contains("parameters('oauthTableName')", StringComparison.Ordinal) == true);
        Assert.Equal("oauthgrants", oauthDeployment.ResolveString(JsonValue.Create("[parameters('oauthTableName')]")));
    }

    [Fact]
    public void Key_vault_authorises_with_rbac_and_keeps_deleted_secrets()
    {
        var (_, vault) = Template.Single("Microsoft.KeyVault/vaults");

        Assert.True((bool?)vault["properties"]?["enableRbacAuthorization"]);
        Assert.True((bool?)vault["properties"]?["enableSoftDelete"]);
        Assert.NotNull(vault["properties"]?["softDeleteRetentionInDays"]);
    }

    [Fact]
    public void Application_insights_takes_entra_id_telemetry_only_into_log_analytics()
    {
        var (_, insights) = Template.Single("Microsoft.Insights/components");

        Assert.True((bool?)insights["properties"]?["DisableLocalAuth"]);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["properties"]?["WorkspaceResourceId"], StringComparison.Ordinal);
        Assert.Single(Template.OfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void The_role_ids_are_the_built_in_ones()
    {
        foreach (var (deployment, _) in Template.OfType("Microsoft.Authorization/roleAssignments").DistinctBy(r => r.Deployment.Name))
        {
            var roles = deployment.Template["variables"]?["builtInRoles"]?.AsObject();
            Assert.NotNull(roles);
            Assert.All(roles, role => Assert.Equal(BuiltInRoles[role.Key], (string?)role.Value));
        }
    }

    [Theory]
    [InlineData("storage", "storageBlobDataOwner", "appPrincipalId")]
    [InlineData("storage", "storageQueueDataContributor", "appPrincipalId")]
    [InlineData("storage", "storageTableDataContributor", "appPrincipalId")]
    [InlineData("keyvault", "keyVaultSecretsUser", "appPrincipalId")]
    [InlineData("keyvault", "keyVaultSecretsOfficer", "operatorPrincipalId")]
    [InlineData("monitoring", "monitoringMetricsPublisher", "publisherPrincipalId")]
    public void Each_role_is_assigned_to_its_principal(string module, string role, string principalParameter)
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments").Where(r => r.Deployment.Name == module).ToList();
        Assert.NotEmpty(assignments);
        var deployment = assignments[0].Deployment;
        var reference = $"variables('builtInRoles').{role}";

        // A loop over roles names them through a variable; follow it when the assignment is a copy loop.
        var matching = assignments.Where(a =>
        {
            var definition = (string?)a.Resource["properties"]?["roleDefinitionId"] ?? "";
            if (definition.Contains(reference, StringComparison.Ordinal))
            {
                return true;
            }
            var list = a.Resource["copy"]?["input"] is null && a.Resource["copy"] is not null
                ? ((string?)a.Resource["copy"]?["count"])?.Split('\'').ElementAtOrDefault(1)
                : null;
            return list is not null && deployment.Template["variables"]?[list] is JsonArray items
                && items.Any(i => ((string?)i)?.Contains(reference, StringComparison.Ordinal) == true);
        }).ToList();

        var assignment = Assert.Single(matching).Resource;
        Assert.Equal($"[parameters('{principalParameter}')]", (string?)assignment["properties"]?["principalId"]);
        var principal = deployment.ResolveString(JsonValue.Create($"[parameters('{principalParameter}')]"));
        if (principalParameter == "operatorPrincipalId")
        {
            // The deploying user comes from azd and may be absent: the assignment is skipped then.
            Assert.Equal("[parameters('principalId')]", principal);
            Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", (string?)assignment["condition"]);
        }
        else
        {
            Assert.Contains("'identity'", principal, StringComparison.Ordinal);
            Assert.Contains(".outputs.principalId.value", principal, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", (string?)assignment["properties"]?["principalType"]);
        }
    }
}
