// The Event Grid system topic of the storage account: the source of the BlobCreated events that trigger
// IngestBatch. Flex Consumption supports only the Event Grid source for blob triggers (no container polling).
// The subscription that delivers the events is in ingest-subscription.bicep: it can only be created once
// the app's code runs (see main.bicep, parameter subscribeIngest).

@description('System topic name.')
param name string

@description('Storage account whose blob events the topic publishes.')
param storageAccountName string

@description('Azure region: the storage account\'s.')
param location string

@description('Tags for every resource.')
param tags object

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('System topic name.')
output name string = topic.name
