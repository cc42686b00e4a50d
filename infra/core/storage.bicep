import { builtInRoles } from 'roles.bicep'

param name string
param location string
param tags object

@description('Blob container that holds the deployment package of the Flex Consumption app.')
param deploymentContainerName string

@description('Table of the booking ledger (Booking__TableName).')
param bookingTableName string

@description('Table of the OAuth clients, connections and tokens (OAuth__TableName).')
param oauthTableName string

@description('Principal id of the app identity: runtime storage (blobs, queues), deployment package and booking table.')
param appPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Identity-based access only: no account keys, no anonymous blobs.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource bookingTable 'tables' = {
      name: bookingTableName
    }

    resource oauthTable 'tables' = {
      name: oauthTableName
    }
  }
}

// AzureWebJobsStorage (host locks, keys, timers) and the deployment package need blob ownership;
// the host also uses queues; the booking ledger and the OAuth store read and write table entities.
var appRoles = [
  builtInRoles.storageBlobDataOwner
  builtInRoles.storageQueueDataContributor
  builtInRoles.storageTableDataContributor
]

resource appRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
