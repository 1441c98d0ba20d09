using Segments.Core.Transactions;

namespace Segments.Core.Recommendations;

/// <summary>
/// Keeps the order lines a run's recommender needs while the run streams them: lines with a customer and a
/// product code, with customer ids and codes shared (one string per distinct value) and order id and country
/// dropped, so a year of a store's lines costs little more than the line structs themselves.
/// </summary>
public sealed class RecommendationLineCollector
{
    private readonly List<TransactionLine> _lines = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The lines kept.</summary>
    public IReadOnlyCollection<TransactionLine> Lines => _lines;

    /// <summary>Keeps <paramref name="line"/> when it names a customer and a product.</summary>
    public void Add(in TransactionLine line)
    {
        if (line.CustomerId.Length == 0 || line.Product.Length == 0)
        {
            return;
        }

        _lines.Add(line with { CustomerId = Shared(line.CustomerId), OrderId = string.Empty, Country = string.Empty, Product = Shared(line.Product) });
    }

    private string Shared(string value)
    {
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _strings[value] = value;
        return value;
    }
}
