using System.Globalization;
using System.Text.Json;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// Reads and checks a <see cref="RunRequest"/> body. Property names are exact (<c>asof</c> is not
/// <c>asOf</c>) and any other property is refused by name, so a typo never silently runs as of today. The as-of
/// (given, or today) is refused when it is before the first order or too long after the latest that the Batches
/// ledger records (<see cref="RecordedOrderDates"/>); when the ledger cannot tell, the run, which reads the data,
/// refuses it, and here only an as-of more than the allowed days after today is (no shop has orders from the future).
/// </summary>
public static class RunRequestValidator
{
    private const string AsOfProperty = "asOf";
    private const string AllowEmptyProperty = "allowEmpty";
    private const string Example = "{\"asOf\":\"2011-12-10\"}";

    /// <summary>
    /// The request, or the problem to answer 400 with. <paramref name="recordedOrders"/> is the span of the order dates
    /// the ledger records (<see cref="RecordedOrderDates.Of"/>), null when it cannot tell.
    /// </summary>
    public static (RunRequest? Request, string? Problem) Parse(string? body, DateOnly today, int maxDaysAfterLatestOrder, OrderDateSpan? recordedOrders = null)
    {
        var (request, problem) = ParseBody(body);
        if (request is null)
        {
            return (null, problem);
        }

        var asOf = request.AsOf ?? today;
        // The data's bounds first: when the ledger knows them, they say more than today does (the latest order is
        // never after today, so an as-of refused against today is refused against the data too).
        if (recordedOrders?.Problem(asOf, maxDaysAfterLatestOrder) is { } outsideTheData)
        {
            return (null, $"{outsideTheData}.");
        }

        var daysAfterToday = asOf.DayNumber - today.DayNumber;
        return daysAfterToday > maxDaysAfterLatestOrder
            ? (null, string.Create(
                CultureInfo.InvariantCulture,
                $"asOf {asOf:yyyy-MM-dd} is {daysAfterToday} days after today ({today:yyyy-MM-dd}), so further than {maxDaysAfterLatestOrder} days after any order (setting Segments:MaxAsOfDaysAfterLatestOrder)."))
            : (request, null);
    }

    private static (RunRequest? Request, string? Problem) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (RunRequest.Default, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"The body must be a JSON object such as {Example}.");
            }

            DateOnly? asOf = null;
            var allowEmpty = false;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case AsOfProperty:
                        var (date, dateProblem) = ParseAsOf(property.Value);
                        if (dateProblem is not null)
                        {
                            return (null, dateProblem);
                        }

                        asOf = date;
                        break;
                    case AllowEmptyProperty:
                        if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            return (null, $"{AllowEmptyProperty} must be true or false, not {property.Value.GetRawText()}.");
                        }

                        allowEmpty = property.Value.GetBoolean();
                        break;
                    default:
                        return (null, $"Unknown property '{property.Name}': a run request takes only '{AsOfProperty}' and '{AllowEmptyProperty}' (names are case-sensitive), e.g. {Example}.");
                }
            }

            return (new RunRequest(asOf, allowEmpty), null);
        }
    }

    private static (DateOnly? AsOf, string? Problem) ParseAsOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, $"asOf '{text}' is not a date in the form YYYY-MM-DD.");
    }
}
