using Segments.Pipeline.Scale;

namespace Segments.Pipeline.Tests.Scale;

public class BucketWorkItemTests
{
    [Fact]
    public void An_item_round_trips_and_keys_its_progress_row_by_pass_and_bucket()
    {
        var item = new BucketWorkItem("20111210-abc", BucketPhases.Rank, 7);

        Assert.Equal(item, BucketWorkItem.Deserialize(item.Serialize()));
        Assert.Equal("rank-0007", item.RowKey);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"RunId":"r","Phase":"dance","Bucket":1}""")]
    [InlineData("""{"RunId":"","Phase":"score","Bucket":1}""")]
    [InlineData("""{"RunId":"r","Phase":"score","Bucket":-1}""")]
    public void A_message_that_is_not_an_item_is_none(string message) => Assert.Null(BucketWorkItem.Deserialize(message));
}
