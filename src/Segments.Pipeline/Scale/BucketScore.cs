using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Scale;

/// <summary>One bucket's pass-3 result: its customers scored, and the lines they were scored from.</summary>
/// <param name="Bucket">The customer bucket.</param>
/// <param name="Customers">Its customers with every segment, ordered by id.</param>
/// <param name="Lines">Its order lines, in state order.</param>
public sealed record BucketScore(int Bucket, IReadOnlyList<CustomerSegmentation> Customers, IReadOnlyList<TransactionLine> Lines);
