namespace Segments.Core.Btyd;

/// <summary>Cumulative repeat purchases by the end of one week.</summary>
/// <param name="Week">Weeks since the first customer's first purchase.</param>
/// <param name="Date">Last day of that week.</param>
/// <param name="Actual">Repeat purchase days the customers made up to that day.</param>
/// <param name="Expected">Σ over customers of E[X(t)], t their time since their first purchase (the unconditional expectation).</param>
/// <param name="Holdout">True for weeks after the calibration end.</param>
public sealed record TrackingPoint(int Week, DateOnly Date, double Actual, double Expected, bool Holdout);
