// An Event Grid subscription that sends BlobCreated events under one container to its blob-triggered
// function (transactions/ to IngestBatch, customers/ to IngestProfiles), through the blobs extension webhook
// of the Functions host:
//   https://{host}/runtime/webhooks/blobs?functionName=Host.Functions.{function}&code={blobs_extension key}
//
// Why a key appears here at all: that webhook accepts only the host's blobs_extension system key; Event Grid
// cannot present a managed-identity token to it. The key is read with listKeys at deployment time and goes
// straight into the subscription's endpoint, which Event Grid keeps out of reads (they return only
// endpointBaseUrl; the full URL takes a separate, permission-checked call). It is never a template output, a
// parameter or an app setting, and it is not in the deployment's stored inputs. The system key exists only
// after the host has started with the blob trigger loaded, which is why main.bicep deploys this module only
// when subscribeIngest is true: deploy, publish the code, then deploy again with subscribeIngest=true
// (README, "Deploy to Azure"). Redeploy the same way after rotating the blobs_extension key.

@description('System topic of the app\'s storage account.')
param systemTopicName string

@description('Function App whose blob trigger receives the events.')
param functionAppName string

@description('Blob container whose new blobs trigger ingestion.')
param container string

@description('Name of the blob-triggered function ([Function(...)] in the adapter).')
param functionName string

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

// The host's keys (masterKey, functionKeys, systemKeys): POST {site}/host/default/listkeys.
var blobsExtensionKey = listKeys('${site.id}/host/default', '2024-11-01').systemKeys.blobs_extension

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'ingest-${container}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${site.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        // One blob per delivery: the function ingests one export at a time.
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${container}/'
    }
    retryPolicy: {
      // Event Grid retries with back-off for a day; the host's own retries and the poison queue come after.
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
