// The Function App on a Flex Consumption (FC1) plan: Linux, .NET 10 isolated worker, scale to zero, billed
// per execution. It runs as a user-assigned managed identity for everything: the host storage
// (AzureWebJobsStorage__*), the deployment package, and Application Insights. No setting holds a key.

@description('Function App name (also the host name: {name}.azurewebsites.net or a unique default host name).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Resource id of the app\'s user-assigned managed identity.')
param identityId string

@description('Client id of the app\'s user-assigned managed identity.')
param identityClientId string

@description('Blob service endpoint of the app\'s storage account, ending in a slash.')
param blobEndpoint string

@description('Queue service endpoint of the app\'s storage account, ending in a slash.')
param queueEndpoint string

@description('Table service endpoint of the app\'s storage account, ending in a slash.')
param tableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainer string

@description('Application Insights component the app writes to.')
param appInsightsName string

@description('Six-field NCRONTAB schedule of the recompute, UTC.')
param schedule string

@description('Memory of each instance in MB; the plan bills GB-seconds of it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound on instances across all functions of the app; caps cost under a flood of events.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Tags for every resource.')
param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        // Flex Consumption takes the stack here, not in FUNCTIONS_WORKER_RUNTIME (which it rejects).
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // Identity-based host storage: the runtime (triggers, receipts, locks) and the pipeline
        // (StorageConnectionSettings) both read these. No AzureWebJobsStorage connection string exists.
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: blobEndpoint
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: queueEndpoint
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: tableEndpoint
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // The connection string names the component; with local auth disabled on it, ingestion needs the
        // identity's Entra token, which the authentication string tells the SDK to fetch.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          name: 'Segments__Schedule'
          value: schedule
        }
        {
          // Names the run lease; every instance of the app shares it.
          name: 'Segments__HostId'
          value: name
        }
        {
          // Execution time is billed for this memory: each run and batch prices its GB-seconds with it.
          name: 'Segments__InstanceMemoryMb'
          value: string(instanceMemoryMB)
        }
      ]
    }
  }
}

// Publishing profiles (FTP and SCM basic auth) carry passwords: off. Deployments authenticate with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Function App name.')
output name string = site.name

@description('Default host name, e.g. {name}.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
