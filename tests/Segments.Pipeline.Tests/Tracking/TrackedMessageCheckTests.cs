using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Segments.Pipeline.Api;
using Segments.Pipeline.Tracking;

namespace Segments.Pipeline.Tests.Tracking;

public sealed class TrackedMessageCheckTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2024, 3, 5, 14, 30, 0, TimeSpan.Zero);
    private static readonly CustomerIdPolicy Customers = new(new IngestOptions());

    [Fact]
    public async Task Messages_the_ingest_reads_pass()
    {
        var refusal = await CheckAsync(TrackingCall.Batch,
            """{"type":"track","event":"Product Added","userId":"u1","timestamp":"2024-03-05T14:00:00Z","properties":{"product_id":"p1","price":3}}""",
            """{"type":"page","anonymousId":"a1","timestamp":"2024-03-05T14:00:00+01:00"}""");

        Assert.Null(refusal);
    }

    [Fact]
    public async Task A_track_without_event_refuses_the_batch_naming_the_message_and_field()
    {
        var refusal = await CheckAsync(TrackingCall.Batch,
            """{"type":"track","event":"Product Added","userId":"u1","timestamp":"2024-03-05T14:00:00Z"}""",
            """{"type":"track","userId":"u1","timestamp":"2024-03-05T14:00:00Z"}""");

        Assert.Equal(400, refusal!.StatusCode);
        var error = Assert.IsType<ApiErrorBody>(refusal.Body).Error;
        Assert.Equal("InvalidMessage", error.Code);
        Assert.Equal("batch[1] 'event' is missing: a track call needs an event name; nothing of this request was stored.", error.Message);
    }

    [Theory]
    [InlineData("""{"type":"track","event":"x","timestamp":"2024-03-05T14:00:00Z"}""", "'userId' is missing and so is anonymousId")]
    [InlineData("""{"type":"track","event":"x","userId":"u","timestamp":"2024-03-05T14:00:00"}""", "'timestamp' has no UTC offset")]
    [InlineData("""{"type":"track","event":"x","userId":"u","timestamp":"2024-03-09T14:00:00Z"}""", "'timestamp' is 4 days in the future")]
    [InlineData("""{"type":"jump","userId":"u","timestamp":"2024-03-05T14:00:00Z"}""", "'type' is not a Segment call type")]
    public async Task A_message_the_ingest_would_reject_is_refused_with_the_ingests_reason(string line, string reason)
    {
        var refusal = await CheckAsync(TrackingCall.Track, line);

        Assert.Contains("The message " + reason, Assert.IsType<ApiErrorBody>(refusal!.Body).Error.Message, StringComparison.Ordinal);
    }

    private static Task<ApiResponse?> CheckAsync(TrackingCall call, params string[] lines) =>
        TrackedMessageCheck.RefusalAsync(lines, call, Customers, ReceivedAt, CancellationToken.None);
}
