using System.Globalization;
using Segments.Core.Events;
using Segments.Core.Transactions;
using Segments.Pipeline.Api;

namespace Segments.Pipeline.Tracking;

/// <summary>
/// Reads the completed messages with the ingest's own reader (<see cref="EventLinesReader"/>, Segment dialect) before
/// they are stored, so a message the blob path would reject — a track without <c>event</c>, no <c>userId</c> and no
/// <c>anonymousId</c>, a timestamp without an offset or far in the future, a price that is not a number — is
/// refused now, 400 naming the message and the reason, while its sender is still there to hear it. Segment answers
/// 200 for such messages and drops them afterwards (its docs: "Track event is missing name"); the SDKs check the
/// same before sending, so only hand-written senders meet this, and for them silence would lose data unseen. A
/// batch is all or nothing: one bad message refuses it whole, so a retry after the fix does not duplicate the rest.
/// </summary>
public static class TrackedMessageCheck
{
    /// <summary>The refusal for the first message the ingest would reject, or null when every one reads.</summary>
    public static async Task<ApiResponse?> RefusalAsync(IReadOnlyList<string> lines, TrackingCall call, CustomerIdPolicy customers, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var reader = new EventLinesReader(customers, new EventReadOptions { Dialect = EventDialect.Segment, Now = receivedAt, MaxRecordChars = TrackingLimits.MaxBatchBytes });
        using var text = new StringReader(string.Join('\n', lines));
        await foreach (var line in reader.ReadAsync(text, cancellationToken).ConfigureAwait(false))
        {
            if (line.Error is { } error)
            {
                var message = call == TrackingCall.Batch ? $"batch[{(line.Line - 1).ToString(CultureInfo.InvariantCulture)}]" : "The message";
                var field = string.IsNullOrEmpty(error.Column) ? string.Empty : $" '{error.Column}'";
                return ApiResponse.Error(400, "InvalidMessage", $"{message}{field} {error.Reason}; nothing of this request was stored.");
            }
        }

        return null;
    }
}
