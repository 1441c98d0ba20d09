using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segments.Pipeline.Tracking;

/// <summary>
/// Turns the body of a tracking call into the messages stored, completed as Segment's tracking API completes them
/// (segment.com/docs/connections/sources/catalog/libraries/server/http-api): the call type from the route for a
/// single call; a <c>messageId</c> where none is given; <c>timestamp</c> "defaulted to the current time" of receipt
/// where none is given; <c>receivedAt</c>; the batch's <c>sentAt</c>, <c>context</c> and <c>integrations</c>
/// merged into each message (the message's own keys win); and the <c>writeKey</c> removed, so no secret is stored.
/// The limits are Segment's (<see cref="TrackingLimits"/>): a message over 32 KB is 413 naming it.
/// </summary>
public static class TrackingRequestParser
{
    // The batch-level objects Segment merges into every message of the batch.
    private static readonly string[] MergedObjects = ["context", "integrations"];

    // Non-ASCII text stays UTF-8 as sent (not \uXXXX), so a message's stored size is the size it was sent with;
    // the lines are JSON Lines for the ingest, never HTML.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses <paramref name="body"/> of a <paramref name="call"/> received at <paramref name="receivedAt"/>.</summary>
    public static TrackingParse Parse(ReadOnlyMemory<byte> body, TrackingCall call, DateTimeOffset receivedAt, Func<string> newMessageId)
    {
        ArgumentNullException.ThrowIfNull(newMessageId);
        try
        {
            return ParseObject(body, call, receivedAt, newMessageId);
        }
        catch (ArgumentException ex)
        {
            // JsonObject refuses a key given twice when it is first read.
            return TrackingParse.Refused(400, "InvalidJson", $"The body is not a usable JSON object: {ex.Message}");
        }
    }

    /// <summary>The route's name of a call, as messages name their <c>type</c>: <c>track</c>, <c>identify</c> ….</summary>
    public static string Name(TrackingCall call) => call.ToString().ToLowerInvariant();

    private static TrackingParse ParseObject(ReadOnlyMemory<byte> body, TrackingCall call, DateTimeOffset receivedAt, Func<string> newMessageId)
    {
        if (call != TrackingCall.Batch && body.Length > TrackingLimits.MaxMessageBytes)
        {
            return TooLarge("The message", body.Length);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span.IsEmpty ? "null"u8 : body.Span);
        }
        catch (JsonException ex)
        {
            return TrackingParse.Refused(400, "InvalidJson", $"The body is not valid JSON: {ex.Message}");
        }

        if (root is not JsonObject request)
        {
            return TrackingParse.Refused(400, "InvalidJson", "The body must be a JSON object" + (call == TrackingCall.Batch ? " with an array \"batch\"." : ", the message."));
        }

        var writeKey = Text(request["writeKey"]);
        var received = Iso(receivedAt);
        if (call != TrackingCall.Batch)
        {
            request["type"] = Name(call);
            return new TrackingParse([Complete(request, batch: null, received, newMessageId)], writeKey, null);
        }

        if (request["batch"] is not JsonArray messages)
        {
            return TrackingParse.Refused(400, "InvalidBatch", "The body of /v1/batch needs \"batch\", an array of messages.");
        }

        var lines = new List<string>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message)
            {
                return TrackingParse.Refused(400, "InvalidMessage", $"batch[{i}] is not a JSON object.");
            }

            var size = Encoding.UTF8.GetByteCount(message.ToJsonString(Compact));
            if (size > TrackingLimits.MaxMessageBytes)
            {
                return TooLarge($"batch[{i}]", size);
            }

            lines.Add(Complete(message, request, received, newMessageId));
        }

        return new TrackingParse(lines, writeKey, null);
    }

    private static string Complete(JsonObject message, JsonObject? batch, string received, Func<string> newMessageId)
    {
        message.Remove("writeKey");
        if (string.IsNullOrWhiteSpace(Text(message["messageId"])))
        {
            message["messageId"] = newMessageId();
        }

        if (message["timestamp"] is null)
        {
            message["timestamp"] = received;
        }

        if (message["sentAt"] is null && batch?["sentAt"] is { } sentAt)
        {
            message["sentAt"] = sentAt.DeepClone();
        }

        message["receivedAt"] = received;
        foreach (var name in MergedObjects)
        {
            if (batch?[name] is not JsonObject shared)
            {
                continue;
            }

            if (message[name] is not JsonObject own)
            {
                message[name] = shared.DeepClone();
                continue;
            }

            foreach (var (key, value) in shared)
            {
                if (!own.ContainsKey(key))
                {
                    own[key] = value?.DeepClone();
                }
            }
        }

        return message.ToJsonString(Compact);
    }

    private static TrackingParse TooLarge(string what, long bytes) =>
        TrackingParse.Refused(
            413,
            "MessageTooLarge",
            $"{what} is {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the Segment tracking API's limit of 32 KB ({TrackingLimits.MaxMessageBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes) per message.");

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
