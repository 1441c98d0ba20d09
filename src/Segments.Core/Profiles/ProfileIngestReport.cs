using Segments.Core.Ingest;

namespace Segments.Core.Profiles;

/// <summary>What reading one customer export found: the row accounting of any export, plus the customers and their conflicts.</summary>
/// <param name="Rows">Rows read, accepted, skipped and rejected; the mapping, format and any rejection of the file.</param>
/// <param name="Customers">Distinct customers among the accepted records.</param>
/// <param name="ConflictingCustomers">Customers with records in this file that disagree (the newest wins).</param>
/// <param name="ConflictExamples">The first of those conflicts.</param>
public sealed record ProfileIngestReport(IngestReport Rows, int Customers, int ConflictingCustomers, IReadOnlyList<ProfileConflict> ConflictExamples);
