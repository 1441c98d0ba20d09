namespace Segments.Core.Cost;

/// <summary>What one stage of an execution used.</summary>
/// <param name="WallMs">Elapsed (wall-clock) milliseconds spent in the stage.</param>
/// <param name="PeakWorkingSetBytes">
/// The largest working set of the whole process seen during the stage (sampled; see <c>UsageMeter</c>). It
/// includes whatever else the process was doing, so it is an upper bound for this stage.
/// </param>
/// <param name="Requests">Storage requests sent during the stage, retries included, by service and kind.</param>
/// <param name="RequestBytes">Request body bytes sent to storage (headers not counted).</param>
/// <param name="ResponseBytes">Response body bytes received from storage (headers not counted).</param>
public sealed record StageUsage(long WallMs, long PeakWorkingSetBytes, StorageRequests Requests, long RequestBytes, long ResponseBytes)
{
    /// <summary>A stage that used nothing.</summary>
    public static StageUsage None { get; } = new(0, 0, StorageRequests.None, 0, 0);

    /// <summary>Two spells of the same stage as one: times and counts add up, the peak is the larger.</summary>
    public StageUsage Plus(StageUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            WallMs + other.WallMs,
            Math.Max(PeakWorkingSetBytes, other.PeakWorkingSetBytes),
            Requests.Plus(other.Requests),
            RequestBytes + other.RequestBytes,
            ResponseBytes + other.ResponseBytes);
    }
}
