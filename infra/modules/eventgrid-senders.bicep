// Lets the app's identity publish to the Event Grid custom topics that eventgrid destinations name
// (config/destinations.json): deliveries are sent with the identity, so no topic key is ever configured.

@description('The app\'s user-assigned managed identity.')
param identityName string

@description('Event Grid custom topics in this resource group the app publishes CloudEvents to.')
param topicNames array

// EventGrid Data Sender, a built-in role (the same id in every tenant): publish events to a topic, nothing else.
var eventGridDataSender = 'd5a91429-5739-47e2-a06b-3470a27159e7'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource topics 'Microsoft.EventGrid/topics@2025-02-15' existing = [
  for topicName in topicNames: {
    name: topicName
  }
]

resource senderAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (topicName, i) in topicNames: {
    name: guid(topics[i].id, identity.id, eventGridDataSender)
    scope: topics[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventGridDataSender)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]
