using Segments.Core.Recommendations;

namespace Segments.Pipeline.Configuration;

/// <summary>
/// Settings under <c>Segments:Recommendations</c> (environment <c>Segments__Recommendations__Name</c>): how the run
/// recommends and measures (docs/recommendations.md).
/// </summary>
public sealed record RecommendationSettings
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Segments:Recommendations";

    /// <summary>False: runs compute no recommendations. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Products per customer (and per segment); default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Days held out to measure the models; default 91.</summary>
    public int HoldoutDays { get; init; } = 91;

    /// <summary>True: bought products may be recommended again (a catalog of consumables). Default false.</summary>
    public bool AllowRepeatPurchases { get; init; }

    /// <summary>Product codes that may be recommended again although bought (consumables).</summary>
    public IReadOnlyList<string> RepeatPurchaseProducts { get; init; } = [];

    /// <summary>Most bought products EASE covers (dense fit, memory m² × 8 bytes about three times); default 1,000.</summary>
    public int MaxDenseProducts { get; init; } = new RecommendationOptions().MaxDenseProducts;

    /// <summary>
    /// EASE ridge penalties tried on the holdout; empty (the default) means 50, 200, 800. Empty rather than those
    /// values because the configuration binder adds configured items to a list it finds filled.
    /// </summary>
    public IReadOnlyList<double> EaseLambdas { get; init; } = [];

    /// <summary>The recommender's options these settings make.</summary>
    public RecommendationOptions ToOptions() => new()
    {
        Top = Math.Clamp(Top, 1, 100),
        HoldoutDays = Math.Max(1, HoldoutDays),
        AllowRepeatPurchases = AllowRepeatPurchases,
        RepeatPurchaseProducts = RepeatPurchaseProducts.ToHashSet(StringComparer.Ordinal),
        MaxDenseProducts = Math.Max(0, MaxDenseProducts),
        EaseLambdas = EaseLambdas.Any(l => l > 0 && double.IsFinite(l))
            ? EaseLambdas.Where(l => l > 0 && double.IsFinite(l)).ToList()
            : new RecommendationOptions().EaseLambdas,
    };
}
