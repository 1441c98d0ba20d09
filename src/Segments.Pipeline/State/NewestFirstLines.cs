using Segments.Core.Transactions;
using Segments.Pipeline.Recompute;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// Reads normalised batches as runs always have: newest first, and an order id seen in a newer batch replaces every
/// line of it in older ones. Each line that survives goes to <c>keep</c> with its batch's sequence and line number.
/// </summary>
internal static class NewestFirstLines
{
    /// <summary>
    /// Reads <paramref name="newestFirst"/>, whose oldest batch has sequence <paramref name="firstSequence"/>; widens
    /// <paramref name="span"/> with every line (replaced ones too) and returns the order ids kept and the lines replaced.
    /// </summary>
    public static async Task<(HashSet<string> OrderIds, long LinesReplaced)> ReadAsync(
        NormalizedBatchStore normalized,
        IReadOnlyList<BatchRecord> newestFirst,
        int firstSequence,
        OrderDateSpan span,
        Func<StateLine, ValueTask> keep,
        CancellationToken cancellationToken)
    {
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        long linesReplaced = 0;
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var sequence = firstSequence + newestFirst.Count - 1 - i;
            var ordersInBatch = new HashSet<string>(StringComparer.Ordinal);
            var stream = await normalized.OpenReadAsync(newestFirst[i].NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, NormalizedBatchFormat.Encoding);
            var number = 0;
            await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                span.Add(line.OrderDate);
                if (replaced.Contains(line.OrderId))
                {
                    linesReplaced++;
                }
                else
                {
                    ordersInBatch.Add(line.OrderId);
                    await keep(new StateLine(sequence, number, line)).ConfigureAwait(false);
                }

                number++;
            }

            replaced.UnionWith(ordersInBatch);
        }

        return (replaced, linesReplaced);
    }
}
