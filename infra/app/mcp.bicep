// The MCP gateway as a Flex Consumption function app (isolated worker, .NET 10).
param name string
param location string
param environmentName string

@description('Service name in azure.yaml; azd finds the app to deploy by this tag.')
param serviceName string

param planId string

@description('Resource id and client id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param bookingTableName string
param oauthTableName string

param keyVaultUri string
param applicationInsightsConnectionString string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('OpenID Connect sign-in of the OAuth authorization server; the server stays off while the authority or client id is empty.')
param oidcAuthority string = ''
param oidcClientId string = ''
param oidcAllowedUsers string = ''
param oidcAllowedGroups string = ''

// The gateway refuses to start with an Oidc sign-in but no provider, so an unconfigured deployment keeps OAuth off.
var oauthOn = !empty(oidcAuthority) && !empty(oidcClientId)

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: {
    'azd-env-name': environmentName
    'azd-service-name': serviceName
  }
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Gateway clients (Clients__<id>__*) and vendor keys are added by the operator after deployment.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
      AZURE_CLIENT_ID: identityClientId
      Credentials__Mode: 'Managed'
      KeyVault__Uri: keyVaultUri
      Booking__Store: 'Table'
      Booking__TableServiceUri: storageTableEndpoint
      Booking__TableName: bookingTableName
      Sandbox__Enabled: 'false'
      // The client secret (oauth-oidc-client-secret) and token signing keys (oauth-signing-keys) are Key Vault secrets.
      OAuth__Enabled: oauthOn ? 'true' : 'false'
      OAuth__SignIn: oauthOn ? 'Oidc' : 'None'
      OAuth__Issuer: 'https://${app.properties.defaultHostName}'
      OAuth__Oidc__Authority: oidcAuthority
      OAuth__Oidc__ClientId: oidcClientId
      OAuth__Oidc__AllowedUsers: oidcAllowedUsers
      OAuth__Oidc__AllowedGroups: oidcAllowedGroups
      OAuth__Store: 'Table'
      OAuth__TableServiceUri: storageTableEndpoint
      OAuth__TableName: oauthTableName
    }
  }

  // Deployments go through azd with Entra ID; publishing profiles (basic auth) stay off.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
