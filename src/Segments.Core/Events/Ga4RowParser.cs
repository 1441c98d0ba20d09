using System.Globalization;
using System.Text.Json;
using Segments.Core.Transactions;

namespace Segments.Core.Events;

/// <summary>
/// Reads one row of the GA4 BigQuery export written as JSON (support.google.com/analytics/answer/7029846):
/// <c>event_date</c>, <c>event_timestamp</c> (µs since the epoch, UTC; BigQuery writes INT64 as a string),
/// <c>event_name</c>, <c>user_id</c>, <c>user_pseudo_id</c>, <c>items[]</c>, <c>event_params[]</c> and <c>ecommerce</c>.
/// </summary>
internal static class Ga4RowParser
{
    public static EventParseOutcome Parse(JsonElement row, CustomerIdPolicy customers, EventReadOptions options)
    {
        var nameElement = JsonFields.Property(row, "event_name");
        if (JsonFields.Text(nameElement) is not { } name)
        {
            return EventParseOutcome.Wrong("event_name", JsonFields.Raw(nameElement), "is missing");
        }

        var timestampElement = JsonFields.Property(row, "event_timestamp");
        if (timestampElement is null)
        {
            return EventParseOutcome.Wrong("event_timestamp", string.Empty, "is missing");
        }

        if (!JsonFields.TryDecimal(timestampElement, out var micros) || micros is null || micros != decimal.Truncate(micros.Value)
            || micros < 0 || micros > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000m)
        {
            return EventParseOutcome.Wrong("event_timestamp", JsonFields.Raw(timestampElement), "is not a count of microseconds since 1970-01-01 UTC");
        }

        var timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)micros.Value * (TimeSpan.TicksPerMillisecond / 1000));
        if (EventTimestamps.TooFarAhead(timestamp, options) is { } ahead)
        {
            return EventParseOutcome.Wrong("event_timestamp", JsonFields.Raw(timestampElement), ahead);
        }

        var userId = JsonFields.Text(JsonFields.Property(row, "user_id")) is { } rawUser ? customers.Normalize(rawUser) : null;
        var pseudoId = JsonFields.Text(JsonFields.Property(row, "user_pseudo_id"))?.Trim();
        if (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(pseudoId))
        {
            return EventParseOutcome.Wrong("user_id", string.Empty, "is missing and so is user_pseudo_id: a row needs one of them");
        }

        var products = ProductLines.None;
        if (JsonFields.Property(row, "items") is { ValueKind: JsonValueKind.Array } items
            && !ProductLines.TryRead(items, "items", "item_id", out products, out var wrongColumn, out var wrongValue))
        {
            return EventParseOutcome.Wrong(wrongColumn, wrongValue, "is not a number");
        }

        var parameters = Parameters(row);
        var ecommerce = JsonFields.Property(row, "ecommerce");
        var value = products.Value;
        if (parameters.TryGetValue("value", out var declared) && declared is not null)
        {
            value = declared;
        }
        else if (JsonFields.TryDecimal(JsonFields.Property(ecommerce ?? default, "purchase_revenue"), out var revenue) && revenue is not null)
        {
            value = revenue;
        }

        var orderId = ParameterText(row, "transaction_id") ?? JsonFields.Text(JsonFields.Property(ecommerce ?? default, "transaction_id"));
        // The export's day (the property's time zone, so not always the UTC day of the timestamp) keys its replacement.
        var eventDate = JsonFields.Text(JsonFields.Property(row, "event_date"))
            ?? DateOnly.FromDateTime(timestamp.UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(eventDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return EventParseOutcome.Wrong("event_date", eventDate, "is not a date written yyyyMMdd");
        }

        return EventParseOutcome.Read(new BehaviourEvent(
            MessageId: null,
            string.IsNullOrEmpty(userId) ? null : userId,
            string.IsNullOrEmpty(pseudoId) ? null : pseudoId,
            EventKindNames.ForGa4(name),
            timestamp,
            products.Ids,
            value,
            products.Quantity,
            orderId,
            name,
            "ga4:" + eventDate)
        {
            Properties = ParameterTexts(row),
        });
    }

    /// <summary>The numeric <c>event_params</c> by key (int_value, double_value or float_value).</summary>
    private static Dictionary<string, decimal?> Parameters(JsonElement row)
    {
        var result = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (JsonFields.Property(row, "event_params") is not { ValueKind: JsonValueKind.Array } parameters)
        {
            return result;
        }

        foreach (var parameter in parameters.EnumerateArray())
        {
            if (JsonFields.Text(JsonFields.Property(parameter, "key")) is not { } key || JsonFields.Property(parameter, "value") is not { } value)
            {
                continue;
            }

            foreach (var field in (string[])["int_value", "double_value", "float_value"])
            {
                if (JsonFields.TryDecimal(JsonFields.Property(value, field), out var number) && number is not null)
                {
                    result[key] = number;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Every <c>event_params</c> entry as text by key (its string, int, double or float value); null when none.</summary>
    private static Dictionary<string, string>? ParameterTexts(JsonElement row)
    {
        if (JsonFields.Property(row, "event_params") is not { ValueKind: JsonValueKind.Array } parameters)
        {
            return null;
        }

        Dictionary<string, string>? result = null;
        foreach (var parameter in parameters.EnumerateArray())
        {
            if (JsonFields.Text(JsonFields.Property(parameter, "key")) is not { } key || JsonFields.Property(parameter, "value") is not { } value)
            {
                continue;
            }

            foreach (var field in (string[])["string_value", "int_value", "double_value", "float_value"])
            {
                if (JsonFields.Text(JsonFields.Property(value, field)) is { } text)
                {
                    (result ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[key] = text;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The text of one <c>event_params</c> entry (string_value, else int_value).</summary>
    private static string? ParameterText(JsonElement row, string key)
    {
        if (JsonFields.Property(row, "event_params") is not { ValueKind: JsonValueKind.Array } parameters)
        {
            return null;
        }

        foreach (var parameter in parameters.EnumerateArray())
        {
            if (JsonFields.Text(JsonFields.Property(parameter, "key")) == key && JsonFields.Property(parameter, "value") is { } value)
            {
                return JsonFields.Text(JsonFields.Property(value, "string_value")) ?? JsonFields.Text(JsonFields.Property(value, "int_value"));
            }
        }

        return null;
    }
}
