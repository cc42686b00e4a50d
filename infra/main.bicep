// Entry point for `azd up`: one resource group per azd environment, holding the MCP gateway on
// Azure Functions Flex Consumption and what it needs, all reached with one user-assigned identity.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (from azd), given Key Vault Secrets Officer to store the vendor keys; empty to skip.')
param principalId string = ''

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('OpenID Connect issuer users sign in with to approve MCP clients (Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0); empty leaves the OAuth sign-in off.')
param oidcAuthority string = ''

@description('Client id of the gateway\'s app registration at the OpenID Connect provider.')
param oidcClientId string = ''

@description('Comma list of users who may approve access: object ids, subjects, emails or user names.')
param oidcAllowedUsers string = ''

@description('Comma list of group object ids whose members may approve access (the id_token\'s groups claim).')
param oidcAllowedGroups string = ''

var serviceName = 'mcp'
var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-mcp-${token}'
var deploymentContainerName = 'app-package-${token}'
var bookingTableName = 'bookingsessions'
var oauthTableName = 'oauthgrants'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-mcp-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    bookingTableName: bookingTableName
    oauthTableName: oauthTableName
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${token}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
  }
}

module plan 'core/flex-plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: 'plan-${token}'
    location: location
    tags: tags
  }
}

module app 'app/mcp.bicep' = {
  name: 'app'
  scope: rg
  params: {
    name: functionAppName
    location: location
    environmentName: environmentName
    serviceName: serviceName
    planId: plan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    bookingTableName: bookingTableName
    oauthTableName: oauthTableName
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    oidcAuthority: oidcAuthority
    oidcClientId: oidcClientId
    oidcAllowedUsers: oidcAllowedUsers
    oidcAllowedGroups: oidcAllowedGroups
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output SERVICE_MCP_NAME string = app.outputs.name
output SERVICE_MCP_URI string = 'https://${app.outputs.defaultHostName}'
output MCP_URL string = 'https://${app.outputs.defaultHostName}/mcp'
output AZURE_OIDC_AUTHORITY string = oidcAuthority
output AZURE_OIDC_CLIENT_ID string = oidcClientId
output AZURE_OIDC_ALLOWED_USERS string = oidcAllowedUsers
output AZURE_OIDC_ALLOWED_GROUPS string = oidcAllowedGroups
output OAUTH_SIGNIN_CALLBACK_URL string = 'https://${app.outputs.defaultHostName}/oauth/signin/callback'
