using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// A catalogue of products in the UCI layout: distinct five-digit stock codes (a fifth with a letter suffix), descriptions
/// in capitals (about 1% holding a comma or a quote, so written quoted), log-normal prices (median about 2.10) and
/// Zipf-like popularity (weight 1/rank^0.9; codes and descriptions are drawn at random, so rank is unrelated to them).
/// </summary>
internal sealed class ProductCatalogue
{
    /// <summary>Products in a catalogue.</summary>
    public const int Count = 4000;

    /// <summary>Draws the catalogue from <paramref name="random"/> (always the same number of draws for one seed).</summary>
    public ProductCatalogue(SplitMix64 random)
    {
        Fields = new string[Count];
        Prices = new string[Count];
        var usedCodes = new HashSet<int>();
        for (var p = 0; p < Count; p++)
        {
            int code;
            do
            {
                code = 10000 + random.Next(90000);
            }
            while (!usedCodes.Add(code));

            var suffix = random.NextDouble() < 0.2 ? ((char)('A' + random.Next(12))).ToString() : string.Empty;
            Fields[p] = $"{code}{suffix},{CsvField.Escape(Describe(random))}";
            var price = Math.Round(Math.Clamp(random.NextLogNormal(2.1, 1.0), 0.06, 650), 2);
            Prices[p] = price.ToString("0.0#", CultureInfo.InvariantCulture);
        }

        Choice = new WeightedChoice(Enumerable.Range(1, Count).Select(rank => 1 / Math.Pow(rank, 0.9)).ToArray());
    }

    /// <summary>Per product, its <c>StockCode,Description</c> fields as written.</summary>
    public string[] Fields { get; }

    /// <summary>Per product, its UnitPrice as written.</summary>
    public string[] Prices { get; }

    /// <summary>Draws a product by popularity.</summary>
    public WeightedChoice Choice { get; }

    private static string Describe(SplitMix64 random)
    {
        var words = $"{Pick(random, RetailShapes.Colours)} {Pick(random, RetailShapes.Styles)} {Pick(random, RetailShapes.Things)}";
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.010 => $"{words}, {Pick(random, RetailShapes.Qualifiers)}",
            < 0.012 => $"{words} 7\" SIZE",
            < 0.020 => words + " ",
            _ => words,
        };
    }

    private static string Pick(SplitMix64 random, string[] choices) => choices[random.Next(choices.Length)];
}
