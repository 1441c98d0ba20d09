using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Segments.Core.Events;

/// <summary>
/// The JSON Lines that event ingestion writes once per batch (gzipped, in <c>normalized/events/</c>) and every
/// recompute reads back, so a run never re-parses the exports: a header line naming the format, then one canonical
/// <see cref="BehaviourEvent"/> per line, timestamps ISO 8601 UTC, kinds by their enum name.
/// </summary>
public static class NormalizedEventFormat
{
    /// <summary>The header line; a reader refuses a batch without it rather than misread another format.</summary>
    public const string Header = "{\"format\":\"segments.events\",\"version\":1}";

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header.</summary>
    public static Task WriteHeaderAsync(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.WriteLineAsync(Header);
    }

    /// <summary>Writes one event.</summary>
    public static Task WriteAsync(TextWriter writer, BehaviourEvent item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        return writer.WriteLineAsync(Serialize(item));
    }

    /// <summary>One event as its line (without the line end).</summary>
    public static string Serialize(BehaviourEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteOptional(json, "messageId", item.MessageId);
            WriteOptional(json, "userId", item.UserId);
            WriteOptional(json, "anonymousId", item.AnonymousId);
            json.WriteString("kind", item.Kind.ToString());
            json.WriteString("timestamp", item.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("productIds");
            foreach (var product in item.ProductIds)
            {
                json.WriteStringValue(product);
            }

            json.WriteEndArray();
            if (item.Value is { } value)
            {
                json.WriteNumber("value", value);
            }

            json.WriteNumber("quantity", item.Quantity);
            WriteOptional(json, "orderId", item.OrderId);
            json.WriteString("name", item.Name);
            WriteOptional(json, "sourceDay", item.SourceDay);
            json.WriteEndObject();
        }

        return Encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a batch written by <see cref="WriteAsync"/>, in file order.</summary>
    public static async IAsyncEnumerable<BehaviourEvent> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header != Header)
        {
            throw new InvalidDataException($"not a normalised events batch: its first line is not {Header}");
        }

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return Parse(line);
            }
        }
    }

    /// <summary>One event from its line.</summary>
    public static BehaviourEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new BehaviourEvent(
            Optional(root, "messageId"),
            Optional(root, "userId"),
            Optional(root, "anonymousId"),
            Enum.Parse<EventKind>(root.GetProperty("kind").GetString()!),
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            root.GetProperty("productIds").EnumerateArray().Select(p => p.GetString()!).ToList(),
            root.TryGetProperty("value", out var value) ? value.GetDecimal() : null,
            root.GetProperty("quantity").GetInt32(),
            Optional(root, "orderId"),
            root.GetProperty("name").GetString()!,
            Optional(root, "sourceDay"));
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
