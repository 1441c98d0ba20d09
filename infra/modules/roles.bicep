// What the app's user-assigned identity may do, and nothing more: the data-plane roles the Functions runtime
// and the pipeline need on the storage account, and publishing telemetry to Application Insights.

@description('Storage account the app uses.')
param storageAccountName string

@description('Application Insights component the app writes to.')
param appInsightsName string

@description('The app\'s user-assigned managed identity.')
param identityName string

// Built-in role definition ids (the same in every tenant), from the Azure built-in roles reference.
// Blob Data Owner rather than Contributor: the Functions host requires it for AzureWebJobsStorage (blob
// leases for the timer and the run lock, receipts); it also reads the deployment package.
// Queue Data Contributor: recompute-requests, the blob trigger's poison queue, the runtime's own queues.
// Table Data Contributor: Batches, Runs and the per-run generation tables (created and deleted by runs).
var storageRoles = [
  {
    role: 'Storage Blob Data Owner'
    id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  }
  {
    role: 'Storage Queue Data Contributor'
    id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  }
  {
    role: 'Storage Table Data Contributor'
    id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  }
]

// Monitoring Metrics Publisher on the component: telemetry ingestion with Entra ID (local auth is off).
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for storageRole in storageRoles: {
    name: guid(storageAccount.id, identity.id, storageRole.id)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageRole.id)
      principalId: identity.properties.principalId
      // Set explicitly: a new identity may not have replicated to Entra ID yet when this deploys.
      principalType: 'ServicePrincipal'
    }
  }
]

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
