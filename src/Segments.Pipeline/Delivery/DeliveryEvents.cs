using System.Net.Mime;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Segments.Core.Destinations;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// The CloudEvents 1.0 a destination receives, built and encoded with the CloudNative.CloudEvents SDK: one event per
/// move (<c>segments.customer.entered</c> / <c>segments.customer.exited</c>, <c>subject</c> = customer id), a batch in
/// JSON batch mode (<c>application/cloudevents-batch+json</c>).
/// </summary>
public static class DeliveryEvents
{
    /// <summary>The event type of an entered move.</summary>
    public const string EnteredType = "segments.customer.entered";

    /// <summary>The event type of an exited move.</summary>
    public const string ExitedType = "segments.customer.exited";

    /// <summary>The content type of a batch.</summary>
    public const string BatchContentType = "application/cloudevents-batch+json";

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>The event of one move, for <paramref name="destination"/>, of run <paramref name="runId"/> (after <paramref name="previousRunId"/>).</summary>
    public static CloudEvent Of(CustomerMove move, DestinationDefinition destination, string runId, string previousRunId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(destination);
        var data = new JsonObject
        {
            ["customerId"] = move.CustomerId,
            ["segment"] = move.Segment,
            ["move"] = move.Kind == SegmentMoveKind.Entered ? "entered" : "exited",
            ["runId"] = runId,
            ["previousRunId"] = previousRunId,
        };
        if (move.Group is not null)
        {
            data["group"] = move.Group;
        }

        if (destination.Fields == DestinationFields.Segments)
        {
            data["segments"] = new JsonArray(move.Memberships.Select(m => (JsonNode)JsonValue.Create(m)).ToArray());
        }

        return new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            // Unique per (run, destination, segment, customer, move): a consumer may de-duplicate single events by it.
            Id = $"{runId}/{destination.Name}/{move.Segment}/{move.CustomerId}/{(move.Kind == SegmentMoveKind.Entered ? "entered" : "exited")}",
            Source = new Uri($"/segments/destinations/{Uri.EscapeDataString(destination.Name)}", UriKind.Relative),
            Type = move.Kind == SegmentMoveKind.Entered ? EnteredType : ExitedType,
            Time = time,
            Subject = move.CustomerId,
            DataContentType = MediaTypeNames.Application.Json,
            Data = data,
        };
    }

    /// <summary>A batch in JSON batch mode, as sent.</summary>
    public static ReadOnlyMemory<byte> EncodeBatch(IEnumerable<CloudEvent> events) => Formatter.EncodeBatchModeMessage(events, out _);

    /// <summary>Reads a batch back (the API's dead letters, tests).</summary>
    public static IReadOnlyList<CloudEvent> DecodeBatch(ReadOnlyMemory<byte> batch) =>
        Formatter.DecodeBatchModeMessage(batch, new ContentType(BatchContentType), null);
}
