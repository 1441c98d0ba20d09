using Segments.Core.Events;
using Segments.Core.Transactions;

namespace Segments.Core.Recommendations;

/// <summary>
/// Collects purchases (order lines) and, when there are any, behaviour events (views and adds to basket) into an
/// <see cref="InteractionMatrix"/>. Cancellations and returns are never a signal: a product a customer sent back is
/// not evidence they like it, nor that anyone else should buy it. So they are netted against the purchases of the
/// same product by the same customer, and a product whose purchases were all cancelled or returned (net amount 0
/// or less) counts as not bought.
/// </summary>
public sealed class InteractionMatrixBuilder(RecommendationOptions options)
{
    private readonly Dictionary<string, Dictionary<string, Signal>> _byCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Customer, string Product), decimal> _netAmount = [];

    /// <summary>
    /// Adds an order line. A cancellation or return (amount ≤ 0) only takes its amount off the customer's purchases
    /// of the product; lines without a product code or with an excluded one are skipped.
    /// </summary>
    public void Add(TransactionLine line)
    {
        if (string.IsNullOrWhiteSpace(line.CustomerId) || string.IsNullOrWhiteSpace(line.Product) || options.ExcludedProducts.Contains(line.Product))
        {
            return;
        }

        var key = (line.CustomerId, line.Product);
        _netAmount[key] = _netAmount.GetValueOrDefault(key) + (line.IsCancellation ? -Math.Abs(line.Amount) : line.Amount);
        if (line.IsCancellation || line.Amount <= 0)
        {
            return;
        }

        Record(line.CustomerId, line.Product, SignalKind.Purchased, line.OrderDate);
    }

    /// <summary>
    /// Adds a behaviour event: a product view or add to basket of a known customer. Completed orders are not taken
    /// from events: the order exports are the record of purchases, and counting both would count an order twice.
    /// </summary>
    public void Add(ResolvedEvent resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var kind = resolved.Event.Kind switch
        {
            EventKind.ProductViewed => SignalKind.Viewed,
            EventKind.ProductAdded => SignalKind.Added,
            _ => (SignalKind?)null,
        };
        if (resolved.CustomerId is null || kind is not { } signal)
        {
            return;
        }

        foreach (var product in resolved.Event.ProductIds)
        {
            Record(resolved.CustomerId, product, signal, resolved.Event.Day);
        }
    }

    /// <summary>The matrix of everything added.</summary>
    public InteractionMatrix Build()
    {
        foreach (var ((customer, product), net) in _netAmount)
        {
            if (net <= 0 && _byCustomer.TryGetValue(customer, out var signals) && signals.TryGetValue(product, out var signal) && signal.Kind == SignalKind.Purchased)
            {
                signals.Remove(product);
            }
        }

        foreach (var empty in _byCustomer.Where(c => c.Value.Count == 0).Select(c => c.Key).ToList())
        {
            _byCustomer.Remove(empty);
        }

        var products = _byCustomer.Values.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = products.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var buyers = new int[products.Length];
        var customers = new List<CustomerHistory>(_byCustomer.Count);
        foreach (var (customerId, signals) in _byCustomer.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var entries = signals.Select(s => (Index: index[s.Key], s.Value)).OrderBy(s => s.Index).ToArray();
            var history = new CustomerHistory(
                customerId,
                entries.Select(e => e.Index).ToArray(),
                entries.Select(e => Weight(e.Value.Kind)).ToArray(),
                entries.Select(e => e.Value.Kind).ToArray(),
                entries.Select(e => e.Value.LastDate).ToArray());
            foreach (var (i, signal) in entries)
            {
                if (signal.Kind == SignalKind.Purchased)
                {
                    buyers[i]++;
                }
            }

            customers.Add(history);
        }

        return new InteractionMatrix(products, customers, buyers);
    }

    private void Record(string customerId, string product, SignalKind kind, DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(customerId) || string.IsNullOrWhiteSpace(product) || options.ExcludedProducts.Contains(product))
        {
            return;
        }

        if (!_byCustomer.TryGetValue(customerId, out var signals))
        {
            signals = new Dictionary<string, Signal>(StringComparer.Ordinal);
            _byCustomer[customerId] = signals;
        }

        // The strongest signal wins (enum order: purchase first); within it, the latest day.
        if (!signals.TryGetValue(product, out var known) || kind < known.Kind)
        {
            signals[product] = new Signal(kind, date);
        }
        else if (kind == known.Kind && date > known.LastDate)
        {
            signals[product] = known with { LastDate = date };
        }
    }

    private float Weight(SignalKind kind) => kind switch
    {
        SignalKind.Purchased => 1f,
        SignalKind.Added => options.AddedWeight,
        _ => options.ViewedWeight,
    };

    private readonly record struct Signal(SignalKind Kind, DateOnly LastDate);
}
