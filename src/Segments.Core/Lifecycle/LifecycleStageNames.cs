namespace Segments.Core.Lifecycle;

/// <summary>The display names of the lifecycle stages, as stored and as written in rule queries.</summary>
public static class LifecycleStageNames
{
    /// <summary>Every stage in display order (the order of <see cref="LifecycleStage"/>).</summary>
    public static IReadOnlyList<LifecycleStage> All { get; } = Enum.GetValues<LifecycleStage>();

    /// <summary>The display name of <paramref name="stage"/>, e.g. <c>At Risk</c>.</summary>
    public static string NameOf(LifecycleStage stage) => stage switch
    {
        LifecycleStage.New => "New",
        LifecycleStage.Active => "Active",
        LifecycleStage.AtRisk => "At Risk",
        LifecycleStage.Lapsed => "Lapsed",
        LifecycleStage.Lost => "Lost",
        LifecycleStage.Reactivated => "Reactivated",
        LifecycleStage.OneTime => "One-time",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown lifecycle stage."),
    };
}
