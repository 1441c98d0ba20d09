namespace Segments.Storage.Runs;

/// <summary>The customer exports a run read and how they joined the customers with orders.</summary>
/// <param name="BatchesRead">Accepted customer exports read.</param>
/// <param name="RecordsRead">Profile records read, every version of every customer.</param>
/// <param name="Customers">Distinct customers with a profile (the newest record of each is used).</param>
/// <param name="WithOrders">Of those, customers with an order up to the run's date: their rows carry the profile.</param>
/// <param name="WithoutOrders">Customers with a profile but no order yet: kept (they may buy later) and counted, not scored.</param>
/// <param name="ConflictingCustomers">Customers whose records disagree; the newest (update time, else batch time) wins.</param>
/// <param name="ConflictExamples">The first of those conflicts, in words.</param>
public sealed record ProfileRunSummary(
    int BatchesRead,
    long RecordsRead,
    int Customers,
    int WithOrders,
    int WithoutOrders,
    int ConflictingCustomers,
    IReadOnlyList<string> ConflictExamples);
