namespace Segments.Core.Events;

/// <summary>The windows of the behaviour segments (configuration section <c>Segments:Behaviour</c> when wired).</summary>
public sealed record BehaviourSettings
{
    /// <summary>Days before the run date in which a cart or a browse counts as abandoned: [D−n, D−1].</summary>
    public int AbandonmentWindowDays { get; init; } = 7;

    /// <summary>Days before the run date in which a customer without orders must have been seen to be a prospect.</summary>
    public int ProspectWindowDays { get; init; } = 30;

    /// <summary>The trailing windows of the per-customer event counts.</summary>
    public IReadOnlyList<int> FactWindowDays { get; init; } = [7, 30, 90];
}
