using System.Text.Json;
using Segments.Infra.Tests.Fixtures;
using Segments.Storage.Account;

namespace Segments.Infra.Tests.Template;

/// <summary>
/// BlobCreated events for <c>transactions/</c> reach the blob-triggered function IngestBatch, and those for
/// <c>customers/</c> reach IngestProfiles, and those for <c>events/</c> reach IngestEvents, through the Functions host's blobs extension webhook, the only blob
/// trigger source Flex Consumption supports.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class IngestEventTests(CompiledTemplate compiled)
{
    [Fact]
    public void System_topic_publishes_the_storage_accounts_events()
    {
        var (_, topic) = compiled.Main.Single("Microsoft.EventGrid/systemTopics");
        var properties = topic.GetProperty("properties");

        Assert.Equal("Microsoft.Storage.StorageAccounts", properties.GetProperty("topicType").GetString());
        Assert.Contains("'Microsoft.Storage/storageAccounts'", properties.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_filters_BlobCreated_events_under_the_transactions_container()
    {
        var filter = Subscription().GetProperty("properties").GetProperty("filter");

        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter.GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[format('/blobServices/default/containers/{0}/', parameters('container'))]", filter.GetProperty("subjectBeginsWith").GetString());
        Assert.Equal(StorageNames.TransactionsContainer, compiled.Main.Resolve(SubscriptionModuleParameter("container")));
    }

    [Fact]
    public void Subscription_delivers_to_the_blobs_extension_webhook_of_IngestBatch()
    {
        var destination = Subscription().GetProperty("properties").GetProperty("destination");
        var endpoint = destination.GetProperty("properties").GetProperty("endpointUrl").GetString()!;

        Assert.Equal("WebHook", destination.GetProperty("endpointType").GetString());
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', reference(resourceId('Microsoft.Web/sites', parameters('functionAppName')), '2024-11-01').defaultHostName, parameters('functionName'), ", endpoint, StringComparison.Ordinal);
        Assert.Equal("IngestBatch", SubscriptionModuleParameter("functionName").GetString());
        Assert.Equal("[variables('names').functionApp]", SubscriptionModuleParameter("functionAppName").GetString());
    }

    [Fact]
    public void The_customers_container_has_its_own_subscription_to_IngestProfiles()
    {
        var parameters = compiled.Main.Deployment("profileSubscription").GetProperty("properties").GetProperty("parameters");

        Assert.Equal(StorageNames.CustomersContainer, compiled.Main.Resolve(parameters.GetProperty("container").GetProperty("value")));
        Assert.Equal("IngestProfiles", parameters.GetProperty("functionName").GetProperty("value").GetString());
        Assert.Equal("[parameters('subscribeIngest')]", compiled.Main.Deployment("profileSubscription").GetProperty("condition").GetString());
    }

    [Fact]
    public void The_adapters_IngestProfiles_is_a_blob_trigger_with_the_Event_Grid_source_on_the_customers_container()
    {
        var source = File.ReadAllText(Path.Combine(InfraPaths.FunctionsAdapter, "Ingest", "IngestProfiles.cs"));

        Assert.Contains("[Function(nameof(IngestProfiles))]", source, StringComparison.Ordinal);
        Assert.Contains("[BlobTrigger(StorageNames.CustomersContainer + \"/{name}\", Source = BlobTriggerSource.EventGrid", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_events_container_has_its_own_subscription_to_IngestEvents()
    {
        var parameters = compiled.Main.Deployment("eventSubscription").GetProperty("properties").GetProperty("parameters");

        Assert.Equal(StorageNames.EventsContainer, compiled.Main.Resolve(parameters.GetProperty("container").GetProperty("value")));
        Assert.Equal("IngestEvents", parameters.GetProperty("functionName").GetProperty("value").GetString());
        Assert.Equal("[parameters('subscribeIngest')]", compiled.Main.Deployment("eventSubscription").GetProperty("condition").GetString());
    }

    [Fact]
    public void The_adapters_IngestEvents_is_a_blob_trigger_with_the_Event_Grid_source_on_the_events_container()
    {
        var source = File.ReadAllText(Path.Combine(InfraPaths.FunctionsAdapter, "Ingest", "IngestEvents.cs"));

        Assert.Contains("[Function(nameof(IngestEvents))]", source, StringComparison.Ordinal);
        Assert.Contains("[BlobTrigger(StorageNames.EventsContainer + \"/{name}\", Source = BlobTriggerSource.EventGrid", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_is_deployed_only_when_subscribeIngest_is_true()
    {
        var module = compiled.Main.Deployment("ingestSubscription");
        var parameter = compiled.Main.Parameters.Single(p => p.Name == "subscribeIngest").Value;

        Assert.Equal("[parameters('subscribeIngest')]", module.GetProperty("condition").GetString());
        Assert.Equal("bool", parameter.GetProperty("type").GetString());
        Assert.False(parameter.GetProperty("defaultValue").GetBoolean());
    }

    [Fact]
    public void The_adapters_IngestBatch_is_a_blob_trigger_with_the_Event_Grid_source_on_that_container()
    {
        var source = File.ReadAllText(Path.Combine(InfraPaths.FunctionsAdapter, "Ingest", "IngestBatch.cs"));

        Assert.Contains("[Function(nameof(IngestBatch))]", source, StringComparison.Ordinal);
        Assert.Contains("[BlobTrigger(StorageNames.TransactionsContainer + \"/{name}\", Source = BlobTriggerSource.EventGrid", source, StringComparison.Ordinal);
    }

    // The transactions subscription: the module deployment named ingestSubscription.
    private JsonElement Subscription() =>
        compiled.Main.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single(s => s.Template.Name == "ingestSubscription").Resource;

    private JsonElement SubscriptionModuleParameter(string name) =>
        compiled.Main.Deployment("ingestSubscription").GetProperty("properties").GetProperty("parameters").GetProperty(name).GetProperty("value");
}
