using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Segments.Functions.Configuration;
using Segments.Pipeline.Scale;
using Segments.Storage.Account;

namespace Segments.Functions.Recompute;

/// <summary>
/// The queue trigger on <c>bucket-work</c>: one pass over one customer bucket of a bucketed run. Flex Consumption adds
/// instances as the queue grows; the runtime delivers a failed item again up to its maxDequeueCount (5), and the
/// handler records the failure on that last delivery, which fails the run instead of poisoning the item.
/// </summary>
public sealed class ProcessBucketWork(BucketWorkHandler handler)
{
    /// <summary>Handles the message; a failure that escapes is retried by the runtime.</summary>
    [Function(nameof(ProcessBucketWork))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.BucketWorkQueue, Connection = StorageConnection.Setting)] string message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dequeueCount = context.BindingContext.BindingData.TryGetValue("DequeueCount", out var count) && count is not null
            ? Convert.ToInt64(count, CultureInfo.InvariantCulture)
            : 1;
        return handler.HandleAsync(message, dequeueCount, cancellationToken);
    }
}
