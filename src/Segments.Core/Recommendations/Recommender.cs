using System.Globalization;

namespace Segments.Core.Recommendations;

/// <summary>
/// Ranks products for customers of an <see cref="InteractionMatrix"/> with an item-to-item model (or, without one,
/// by popularity), and puts each recommendation in words. Only products not yet bought are ranked unless the
/// options allow repeats; slots the model leaves empty (no co-purchase evidence) are filled with best sellers.
/// </summary>
public sealed class Recommender
{
    private readonly InteractionMatrix _matrix;
    private readonly IItemWeights? _model;
    private readonly RecommendationOptions _options;
    private readonly int[] _popular;

    /// <summary>A recommender over <paramref name="matrix"/>; <paramref name="model"/> null ranks by popularity.</summary>
    public Recommender(InteractionMatrix matrix, IItemWeights? model, RecommendationModelKind kind, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        _matrix = matrix;
        _model = model;
        _options = options;
        Kind = kind;
        _popular = matrix.ByPopularity();
    }

    /// <summary>The model that ranks.</summary>
    public RecommendationModelKind Kind { get; }

    /// <summary>The top <paramref name="top"/> products for <paramref name="history"/> (null: no history), best first.</summary>
    public IReadOnlyList<RankedProduct> Rank(CustomerHistory? history, int top)
    {
        var chosen = new List<RankedProduct>(top);
        if (history is not null && _model is not null && history.Products.Length > 0)
        {
            var scores = new float[_matrix.Products.Count];
            for (var k = 0; k < history.Products.Length; k++)
            {
                _model.Accumulate(history.Products[k], history.Weights[k], scores);
            }

            foreach (var product in TopByScore(scores, history, top))
            {
                chosen.Add(new RankedProduct(product, scores[product], StrongestContributor(history, product)));
            }
        }

        var popularity = _matrix.BuyingCustomers;
        foreach (var product in _popular)
        {
            if (chosen.Count >= top)
            {
                break;
            }

            if (Eligible(history, product) && !chosen.Exists(c => c.Product == product))
            {
                chosen.Add(new RankedProduct(product, _model is null ? (float)_matrix.Buyers[product] / popularity : 0f, -1));
            }
        }

        return chosen;
    }

    /// <summary>The customer's recommendations in words; a customer without history gets the store's best sellers, and is told so.</summary>
    public CustomerRecommendations Recommend(string customerId, CustomerHistory? history)
    {
        var fallback = history is null || history.Products.Length == 0;
        var ranked = Rank(history, _options.Top);
        var items = ranked
            .Select((r, i) => new Recommendation(i + 1, _matrix.Products[r.Product], Math.Round(r.Score, 6), Reason(history, r, fallback)))
            .ToList();
        return new CustomerRecommendations(customerId, Kind, fallback, items);
    }

    private string Reason(CustomerHistory? history, RankedProduct ranked, bool fallback)
    {
        if (ranked.Because >= 0 && history is not null)
        {
            var code = _matrix.Products[history.Products[ranked.Because]];
            var day = history.LastDates[ranked.Because].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var what = history.Kinds[ranked.Because] switch
            {
                SignalKind.Purchased => "bought",
                SignalKind.Added => "added to your basket",
                _ => "viewed",
            };
            return $"often bought with {code}, which you {what} on {day}";
        }

        var buyers = string.Create(CultureInfo.InvariantCulture, $"bought by {_matrix.Buyers[ranked.Product]:N0} of {_matrix.BuyingCustomers:N0} customers");
        return fallback
            ? $"one of the store's best sellers ({buyers}); no purchase history to go on"
            : $"one of the store's best sellers ({buyers})";
    }

    private int StrongestContributor(CustomerHistory history, int product)
    {
        var best = -1;
        var bestWeight = 0f;
        for (var k = 0; k < history.Products.Length; k++)
        {
            if (history.Products[k] == product)
            {
                continue;
            }

            var weight = history.Weights[k] * _model!.Weight(history.Products[k], product);
            if (weight > bestWeight)
            {
                best = k;
                bestWeight = weight;
            }
        }

        return best;
    }

    /// <summary>Eligible products with a positive score, best first (ties: more buyers, then code order).</summary>
    private List<int> TopByScore(float[] scores, CustomerHistory history, int top)
    {
        var best = new List<int>(top + 1);
        for (var product = 0; product < scores.Length; product++)
        {
            if (!(scores[product] > 0) || !Eligible(history, product))
            {
                continue;
            }

            if (best.Count == top && !Better(scores, product, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Better(scores, product, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, product);
            if (best.Count > top)
            {
                best.RemoveAt(top);
            }
        }

        return best;
    }

    private bool Better(float[] scores, int a, int b) =>
        scores[a] > scores[b]
        || (scores[a] == scores[b] && (_matrix.Buyers[a] > _matrix.Buyers[b] || (_matrix.Buyers[a] == _matrix.Buyers[b] && a < b)));

    private bool Eligible(CustomerHistory? history, int product) =>
        history is null || !history.Bought(product) || _options.MayRepeat(_matrix.Products[product]);
}
