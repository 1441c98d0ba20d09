namespace Segments.Core.Recommendations;

/// <summary>How recommendations are made and measured. Defaults are the ones measured on UCI Online Retail (docs/recommendations.md).</summary>
public sealed record RecommendationOptions
{
    /// <summary>Products recommended per customer; default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Days held out at the end of the data to measure the models (hit rate, recall, NDCG); default 91.</summary>
    public int HoldoutDays { get; init; } = 91;

    /// <summary>
    /// True: every product may be recommended again to a customer who bought it (a catalog of consumables).
    /// Default false: a customer is recommended only products not yet bought.
    /// </summary>
    public bool AllowRepeatPurchases { get; init; }

    /// <summary>Products (exact codes) that may be recommended again although bought (consumables), when <see cref="AllowRepeatPurchases"/> is false.</summary>
    public IReadOnlySet<string> RepeatPurchaseProducts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Codes that are not products: postage, fees, manual adjustments (UCI Online Retail's POST, DOT, M, ...).
    /// They are neither learnt from nor recommended.
    /// </summary>
    public IReadOnlySet<string> ExcludedProducts { get; init; } = new HashSet<string>(DefaultExcludedProducts, StringComparer.Ordinal);

    /// <summary>Weight of a product added to the basket and not bought, against 1 for a purchase; default 0.5.</summary>
    public float AddedWeight { get; init; } = 0.5f;

    /// <summary>Weight of a product only viewed, against 1 for a purchase; default 0.25.</summary>
    public float ViewedWeight { get; init; } = 0.25f;

    /// <summary>
    /// EASE is fitted as a dense product × product matrix over at most this many products, the most bought (its
    /// fit holds m² × 8 bytes about three times, and takes time m³: 1,000 take 1.4 s, 2,000 about 30 s on a loaded 2-core machine, for 0.51 against 0.50 hit rate on Online
    /// Retail). The cosine model is sparse (top-k neighbours)
    /// and covers every product. 0 measures no EASE. Default 1,000.
    /// </summary>
    public int MaxDenseProducts { get; init; } = 1000;

    /// <summary>Neighbours kept per product by the cosine model; default 100.</summary>
    public int NeighboursPerProduct { get; init; } = 100;

    /// <summary>The EASE ridge penalties tried; the one with the best holdout hit rate is used. Default 50, 200, 800.</summary>
    public IReadOnlyList<double> EaseLambdas { get; init; } = [50, 200, 800];

    /// <summary>The service lines of UCI Online Retail (postage, carriage, fees, manual lines, samples).</summary>
    public static IReadOnlyList<string> DefaultExcludedProducts { get; } =
        ["POST", "DOT", "M", "m", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK", "D", "PADS", "S", "B"];

    /// <summary>True when a customer may be recommended <paramref name="product"/> although they bought it.</summary>
    public bool MayRepeat(string product) => AllowRepeatPurchases || RepeatPurchaseProducts.Contains(product);
}
