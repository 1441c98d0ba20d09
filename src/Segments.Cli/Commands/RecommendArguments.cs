namespace Segments.Cli.Commands;

/// <summary>The options of <c>segments recommend</c> besides the input file.</summary>
internal sealed record RecommendArguments(string AsOf, int Top, FileInfo? Output, bool Evaluate, bool AllowRepeats)
{
    /// <summary>EASE penalties to try; empty: the default ones.</summary>
    public IReadOnlyList<double> EaseLambdas { get; init; } = [];

    /// <summary>Products EASE covers; null: the default.</summary>
    public int? DenseProducts { get; init; }

    /// <summary>Customer buckets to compute in one at a time; null: the whole population at once.</summary>
    public int? Buckets { get; init; }
}
