using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Delivery;
using Segments.Storage.Deliveries;

namespace Segments.Pipeline.Configuration;

/// <summary>Registers the destinations' outbox, sender and API (issue 15); part of <see cref="PipelineServices"/>.</summary>
public static class DeliveryServices
{
    /// <summary>Adds them; Event Grid is reached with the same identity as storage.</summary>
    public static IServiceCollection AddSegmentsDelivery(this IServiceCollection services, Func<IServiceProvider, StorageConnectionSettings> storage)
    {
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<OutboxPayloadStore>();
        services.AddSingleton<DestinationConfig>();
        services.AddSingleton<AudienceFileStore>();
        services.AddSingleton<AudienceFileWriter>();
        services.AddSingleton<DeliveryOutbox>();
        services.AddSingleton(sp => new WebhookClient(sp.GetRequiredService<IOptions<SegmentsOptions>>().Value.Delivery, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new EventGridClient(sp.GetRequiredService<IOptions<SegmentsOptions>>().Value.Delivery, () => storage(sp).CreateCredential()));
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<Api.Destinations.DestinationsApi>();
        return services;
    }
}
