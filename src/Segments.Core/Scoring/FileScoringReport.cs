using Segments.Core.Ingest;
using Segments.Core.Rfm;

namespace Segments.Core.Scoring;

/// <summary>What scoring one export file produced, with the row accounting that goes with it.</summary>
public sealed record FileScoringReport(
    string Profile,
    DateOnly AsOf,
    long RowsRead,
    long RowsAccepted,
    long RowsSkipped,
    long RowsRejected,
    IReadOnlyList<RowError> FirstErrors,
    RfmScoring Scoring);
