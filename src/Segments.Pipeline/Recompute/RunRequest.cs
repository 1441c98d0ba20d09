namespace Segments.Pipeline.Recompute;

/// <summary>
/// The body of <c>POST /api/runs</c>: <c>{"asOf":"YYYY-MM-DD","allowEmpty":false}</c>, both optional.
/// </summary>
/// <param name="AsOf">The date to compute as of; null means today (UTC).</param>
/// <param name="AllowEmpty">Whether a run that scores no customer may replace an active generation that has some.</param>
public sealed record RunRequest(DateOnly? AsOf, bool AllowEmpty)
{
    /// <summary>The request of an empty body: as of today, no empty generation allowed.</summary>
    public static RunRequest Default { get; } = new(null, false);
}
