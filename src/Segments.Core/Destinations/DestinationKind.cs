namespace Segments.Core.Destinations;

/// <summary>How a destination receives its deliveries.</summary>
public enum DestinationKind
{
    /// <summary>An HTTPS endpoint that receives CloudEvents JSON batches signed per Standard Webhooks.</summary>
    Webhook,

    /// <summary>An Azure Event Grid custom topic that receives the same CloudEvents (identity-based in Azure).</summary>
    EventGrid,

    /// <summary>Member and add/remove CSV files per followed segment in container <c>audiences</c>, for tools that import lists.</summary>
    AudienceFiles,
}
