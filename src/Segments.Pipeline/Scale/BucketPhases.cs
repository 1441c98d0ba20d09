namespace Segments.Pipeline.Scale;

/// <summary>The passes of a bucketed run, in order.</summary>
public static class BucketPhases
{
    /// <summary>Pass 1: a bucket's population summary.</summary>
    public const string Summarise = "summarise";

    /// <summary>Pass 2: a bucket's spend ranking.</summary>
    public const string Rank = "rank";

    /// <summary>Pass 3: a bucket's customers scored.</summary>
    public const string Score = "score";

    /// <summary>Not a pass: the progress row of the process that runs the run (the coordinator).</summary>
    public const string Coordinator = "run";

    /// <summary>Every pass.</summary>
    public static IReadOnlyList<string> All { get; } = [Summarise, Rank, Score];
}
