using Segments.Core.Events;
using Segments.Core.Transactions;

namespace Segments.Core.Recommendations;

/// <summary>
/// A time split: everything before <see cref="HoldoutStart"/> trains, the purchases from it to <see cref="End"/>
/// (inclusive) are what the models should have foreseen.
/// </summary>
public sealed class HoldoutSplit
{
    private HoldoutSplit(DateOnly holdoutStart, DateOnly end, InteractionMatrix training, IReadOnlyDictionary<string, HashSet<string>> holdout)
    {
        HoldoutStart = holdoutStart;
        End = end;
        Training = training;
        Holdout = holdout;
    }

    /// <summary>First day held out.</summary>
    public DateOnly HoldoutStart { get; }

    /// <summary>Last day held out.</summary>
    public DateOnly End { get; }

    /// <summary>What the models learn from.</summary>
    public InteractionMatrix Training { get; }

    /// <summary>Per customer, the products bought in the holdout.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Holdout { get; }

    /// <summary>
    /// Splits <paramref name="lines"/> and <paramref name="events"/> at <paramref name="end"/> minus
    /// <see cref="RecommendationOptions.HoldoutDays"/> days; later lines and events are ignored.
    /// </summary>
    public static HoldoutSplit Create(IEnumerable<TransactionLine> lines, IEnumerable<ResolvedEvent> events, DateOnly end, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var holdoutStart = end.AddDays(-options.HoldoutDays);
        var training = new InteractionMatrixBuilder(options);
        var holdout = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.OrderDate < holdoutStart)
            {
                training.Add(line);
            }
            else if (line.OrderDate <= end && !line.IsCancellation && line.Amount > 0 && line.Product.Length > 0
                && !options.ExcludedProducts.Contains(line.Product) && line.CustomerId.Length > 0)
            {
                if (!holdout.TryGetValue(line.CustomerId, out var products))
                {
                    products = new HashSet<string>(StringComparer.Ordinal);
                    holdout[line.CustomerId] = products;
                }

                products.Add(line.Product);
            }
        }

        foreach (var resolved in events)
        {
            if (resolved.Event.Day < holdoutStart)
            {
                training.Add(resolved);
            }
        }

        return new HoldoutSplit(holdoutStart, end, training.Build(), holdout);
    }
}
