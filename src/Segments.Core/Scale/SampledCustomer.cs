namespace Segments.Core.Scale;

/// <summary>One customer of the clustering sample: the RFM measures k-means clusters on.</summary>
/// <param name="Hash">The customer id's <see cref="StableHash"/>: the sample keeps the smallest.</param>
/// <param name="CustomerId">Normalised customer id.</param>
/// <param name="RecencyDays">Days since the last non-cancelled order.</param>
/// <param name="Frequency">Distinct non-cancelled orders.</param>
/// <param name="Monetary">Net revenue, floored at 0.</param>
public readonly record struct SampledCustomer(ulong Hash, string CustomerId, int RecencyDays, int Frequency, decimal Monetary);
