using System.Text.Json;

namespace Segments.Pipeline.Scale;

/// <summary>One work item of a bucketed run: a pass (<see cref="BucketPhases"/>) over one customer bucket.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Phase">The pass.</param>
/// <param name="Bucket">The customer bucket.</param>
public sealed record BucketWorkItem(string RunId, string Phase, int Bucket)
{
    /// <summary>The progress row's key: the pass and the bucket.</summary>
    public string RowKey => $"{Phase}-{Bucket:D4}";

    /// <summary>The queue message (JSON; the client Base64-encodes it as the queue trigger expects).</summary>
    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>The item a message names, or null for a message that is not one.</summary>
    public static BucketWorkItem? Deserialize(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<BucketWorkItem>(message) is { RunId.Length: > 0, Bucket: >= 0 } item && BucketPhases.All.Contains(item.Phase) ? item : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
