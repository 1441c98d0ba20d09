// Segments on Azure: a Flex Consumption Function App (.NET 10 isolated) over one keyless storage account,
// with Application Insights, and Event Grid feeding the blob trigger. Deploy into an existing resource group:
//
//   az deployment group create -g <group> -f infra/main.bicep -p namePrefix=<prefix>
//   (publish src/Segments.Functions)
//   az deployment group create -g <group> -f infra/main.bicep -p namePrefix=<prefix> subscribeIngest=true
//
// infra/README.md says what each resource is for; the root README's "Deploy to Azure" has every command.

targetScope = 'resourceGroup'

@description('Short lowercase prefix of every resource name (3 to 11 letters and digits); a hash of the resource group makes names unique.')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region of every resource; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Six-field NCRONTAB schedule of the segment recompute, UTC (second minute hour day month weekday).')
param schedule string = '0 0 2 * * *'

@description('Memory of each Flex Consumption instance in MB (512, 2048 or 4096); execution is billed per GB-second of it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app may scale out to; keeps a burst of uploads from running up the bill.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Create the Event Grid subscriptions that feed IngestBatch and IngestProfiles. Need the published app (its blobs_extension key): false on the first deployment, true after publishing.')
param subscribeIngest bool = false

@description('Event Grid custom topics (in this resource group) that eventgrid destinations of config/destinations.json publish to; the app\'s identity gets EventGrid Data Sender on each.')
param eventGridTopicNames array = []

@description('Tags for every resource.')
param tags object = {
  application: 'segments'
}

var token = take(uniqueString(resourceGroup().id, namePrefix), 13)
var names = {
  // Storage account names allow lowercase letters and digits only.
  storage: toLower(replace('${namePrefix}${token}', '-', ''))
  identity: '${namePrefix}-id-${token}'
  workspace: '${namePrefix}-logs-${token}'
  appInsights: '${namePrefix}-ai-${token}'
  plan: '${namePrefix}-plan-${token}'
  functionApp: '${namePrefix}-func-${token}'
  systemTopic: '${namePrefix}-blobevents-${token}'
}

// The names the code uses (src/Segments.Storage/Account/StorageNames.cs); a test keeps the two in step.
var transactionsContainer = 'transactions'
var customersContainer = 'customers'
var eventsContainer = 'events'
var deploymentContainer = 'app-package'
var containers = [
  transactionsContainer
  customersContainer
  eventsContainer
  'transactions-rejected'
  'normalized'
  'config'
  'azure-webjobs-hosts'
  'outbox'
  'audiences'
  'state'
  deploymentContainer
]
var tables = [
  'Batches'
  'Runs'
  'Deliveries'
  'BucketProgress'
]
var queues = [
  'recompute-requests'
  'webjobs-blobtrigger-poison'
  'destination-deliveries'
  'bucket-work'
]

// User-assigned rather than system-assigned: it exists, and holds its roles, before the app does, so the app's
// first start already reaches storage; and the deployment storage can name it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    containers: containers
    tables: tables
    queues: queues
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

// Names known before deployment are passed rather than module outputs, so that what-if can predict every
// resource; the dependencies are then spelled out.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: names.storage
    appInsightsName: names.appInsights
    identityName: identity.name
  }
  dependsOn: [
    storage
    monitoring
  ]
}

// Event Grid destinations of config/destinations.json are sent with the app's identity (no topic keys in config):
// it may publish to exactly the topics listed here.
module eventGridSenders 'modules/eventgrid-senders.bicep' = if (!empty(eventGridTopicNames)) {
  name: 'eventGridSenders'
  params: {
    identityName: identity.name
    topicNames: eventGridTopicNames
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    identityId: identity.id
    identityClientId: identity.properties.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainer: deploymentContainer
    appInsightsName: names.appInsights
    schedule: schedule
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    tags: tags
  }
  // The host reaches storage on its first start: let the role assignments exist first.
  dependsOn: [
    monitoring
    roles
  ]
}

module ingestEvents 'modules/ingest-events.bicep' = {
  name: 'ingestEvents'
  params: {
    name: names.systemTopic
    storageAccountName: names.storage
    location: location
    tags: tags
  }
  dependsOn: [
    storage
  ]
}

module ingestSubscription 'modules/ingest-subscription.bicep' = if (subscribeIngest) {
  name: 'ingestSubscription'
  params: {
    systemTopicName: names.systemTopic
    functionAppName: names.functionApp
    container: transactionsContainer
    functionName: 'IngestBatch'
  }
  dependsOn: [
    ingestEvents
    functionApp
  ]
}

// Customer (profile) exports dropped into customers/ reach the blob-triggered function IngestProfiles the same way.
module profileSubscription 'modules/ingest-subscription.bicep' = if (subscribeIngest) {
  name: 'profileSubscription'
  params: {
    systemTopicName: names.systemTopic
    functionAppName: names.functionApp
    container: customersContainer
    functionName: 'IngestProfiles'
  }
  dependsOn: [
    ingestEvents
    functionApp
  ]
}

// Behaviour-event exports (Segment/RudderStack JSON Lines, GA4 rows) and the tracking API's messages dropped into
// events/ reach the blob-triggered function IngestEvents the same way. The app's identity reaches the container
// through its account-wide blob role (modules/roles.bicep), as for every other container.
module eventSubscription 'modules/ingest-subscription.bicep' = if (subscribeIngest) {
  name: 'eventSubscription'
  params: {
    systemTopicName: names.systemTopic
    functionAppName: names.functionApp
    container: eventsContainer
    functionName: 'IngestEvents'
  }
  dependsOn: [
    ingestEvents
    functionApp
  ]
}

@description('Base URL of the app; the API is under /api.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Function App name, for publishing and key management.')
output functionAppName string = functionApp.outputs.name

@description('Storage account name, for uploads and role assignments.')
output storageAccountName string = storage.outputs.name

@description('URL of the container shops drop their exports into.')
output transactionsContainerUrl string = '${storage.outputs.blobEndpoint}${transactionsContainer}'

@description('URL of the container CRM or shop customer exports are dropped into.')
output customersContainerUrl string = '${storage.outputs.blobEndpoint}${customersContainer}'

@description('URL of the container behaviour-event exports are dropped into.')
output eventsContainerUrl string = '${storage.outputs.blobEndpoint}${eventsContainer}'

@description('Whether BlobCreated events are delivered to IngestBatch yet (deploy with subscribeIngest=true after publishing).')
output ingestSubscribed bool = subscribeIngest
