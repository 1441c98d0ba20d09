namespace Segments.Core.Lifecycle;

/// <summary>Where a customer stands in their relationship with the store (rules in <c>docs/lifecycle.md</c>).</summary>
public enum LifecycleStage
{
    /// <summary>First order within the new-customer window.</summary>
    New,

    /// <summary>Repeat customer whose last order is within the typical gap between orders.</summary>
    Active,

    /// <summary>Repeat customer overdue for their next order.</summary>
    AtRisk,

    /// <summary>Repeat customer overdue by longer than almost every observed return.</summary>
    Lapsed,

    /// <summary>Repeat customer silent for longer than the lapsed threshold.</summary>
    Lost,

    /// <summary>Customer who came back after a silence longer than the lapsed threshold (they had been lost), within the new-customer window of that return.</summary>
    Reactivated,

    /// <summary>A single order, placed before the new-customer window.</summary>
    OneTime,
}
