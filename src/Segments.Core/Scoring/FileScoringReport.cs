using Segments.Core.Ingest;
using Segments.Core.Rfm;

namespace Segments.Core.Scoring;

/// <summary>What scoring one export file produced: the ingest report and, unless the file was rejected, the scores.</summary>
public sealed record FileScoringReport(IngestReport Ingest, DateOnly AsOf, RfmScoring? Scoring);
