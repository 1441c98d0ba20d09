namespace Segments.Core.Rfm;

/// <summary>A customer's RFM measures, their 1–5 scores and the named segment.</summary>
public sealed record RfmScore(CustomerMetrics Metrics, int R, int F, int M, string Segment)
{
    /// <summary>The three-digit code, R then F then M (e.g. <c>545</c>).</summary>
    public string Code => $"{R}{F}{M}";
}
