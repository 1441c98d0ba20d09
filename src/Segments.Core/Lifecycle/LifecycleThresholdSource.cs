namespace Segments.Core.Lifecycle;

/// <summary>Where a run's lifecycle thresholds came from.</summary>
public enum LifecycleThresholdSource
{
    /// <summary>Percentiles of the store's own inter-purchase gaps.</summary>
    Derived,

    /// <summary>The policy's fixed fallback, because too few customers had ordered twice.</summary>
    Fallback,
}
