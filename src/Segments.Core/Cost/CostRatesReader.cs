using System.Globalization;
using System.Text.Json;

namespace Segments.Core.Cost;

/// <summary>Reads the rates file (<c>config/rates.json</c>); a file that cannot be used says which value is wrong.</summary>
public static class CostRatesReader
{
    /// <summary>The rates in <paramref name="json"/>, or the problem with it.</summary>
    public static (CostRates? Rates, string? Problem) Read(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var currency = Text(root, "currency");
            if (currency != "USD")
            {
                return (null, $"currency is '{currency}'; costs are reported in USD (costUsd), so the rates must be USD.");
            }

            var flex = Section(root, "functionsFlexConsumption");
            var blob = Section(root, "blobStorage");
            var table = Section(root, "tableStorage");
            var rates = new CostRates
            {
                Region = Text(root, "region"),
                Currency = currency,
                AsOf = Date(root, "asOf"),
                Sources = root.GetProperty("sources").EnumerateArray()
                    .Select(s => new RateSource(Text(s, "id"), Text(s, "what"), Date(s, "asOf")))
                    .ToList(),
                ExecutionTimePerGbSecond = Price(flex, "onDemandExecutionTimePerGbSecond"),
                ExecutionsPerMillion = Price(flex, "onDemandExecutionsPerMillion"),
                Blob = new BlobOperationRates(
                    Price(blob, "readOperationsPer10k"),
                    Price(blob, "writeOperationsPer10k"),
                    Price(blob, "listAndCreateContainerOperationsPer10k"),
                    Price(blob, "otherOperationsPer10k")),
                TableOperationsPer10k = Price(table, "operationsPer10k"),
                Queue = QueueRates(root),
                Origin = origin,
            };
            return (rates, null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, ex.Message);
        }
    }

    // Optional so that a rates blob written before queue prices were added still prices everything else.
    private static QueueOperationRates? QueueRates(JsonElement root) =>
        root.TryGetProperty("queueStorage", out _)
            ? new QueueOperationRates(Price(Section(root, "queueStorage"), "class1OperationsPer10k"), Price(Section(root, "queueStorage"), "class2OperationsPer10k"))
            : null;

    private static JsonElement Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section
            : throw new KeyNotFoundException($"section '{name}' is missing.");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new KeyNotFoundException($"'{name}' is missing or empty.");

    private static DateOnly Date(JsonElement element, string name) =>
        DateOnly.TryParseExact(Text(element, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{name}' is not a date in the form YYYY-MM-DD.");

    private static decimal Price(JsonElement section, string name) =>
        section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var price) && price >= 0m
            ? price
            : throw new KeyNotFoundException($"'{name}' is missing or not a non-negative number.");
}
