namespace Segments.Core.Rfm;

/// <summary>The cut points one run scored recency, frequency and monetary value with, kept so that a score can be explained later.</summary>
public sealed record RfmCutPoints(CutPoints Recency, CutPoints Frequency, CutPoints Monetary)
{
    /// <summary>The cut points of a scoring.</summary>
    public static RfmCutPoints Of(RfmScoring scoring)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        return new RfmCutPoints(scoring.Recency, scoring.Frequency, scoring.Monetary);
    }
}
