namespace Segments.Storage.Batches;

/// <summary>What one customer export held beyond the row counts.</summary>
/// <param name="Customers">Distinct customers among its accepted records.</param>
/// <param name="ConflictingCustomers">Customers with records in the file that disagree; the newest record wins.</param>
/// <param name="ConflictExamples">The first of those conflicts, in words.</param>
public sealed record ProfileBatchSummary(int Customers, int ConflictingCustomers, IReadOnlyList<string> ConflictExamples);
