using Segments.Core.Ingest;
using Segments.Storage.Batches;

namespace Segments.Pipeline.Ingest;

/// <summary>What processing one export found: the row accounting every kind has, and what only this kind adds to its ledger row.</summary>
/// <param name="Rows">Rows read, accepted, skipped and rejected; the mapping, format and any rejection of the file.</param>
/// <param name="Describe">Adds the kind's own summary to the ledger row; null when it has none.</param>
internal sealed record ExportOutcome(IngestReport Rows, Func<BatchRecord, BatchRecord>? Describe = null);
