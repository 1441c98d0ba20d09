using Azure;
using Segments.Pipeline.State;
using Segments.Storage.Batches;
using Segments.Storage.State;

namespace Segments.Pipeline.Tests.State;

public sealed class StatePlanDeltaTests
{
    private static readonly BatchRecord Monday = new()
    {
        BlobName = "monday.csv",
        ETag = "e",
        ContentHash = "h",
        Status = BatchStatus.Accepted,
        AcceptedAt = new DateTimeOffset(2024, 3, 4, 6, 0, 0, TimeSpan.Zero),
        NormalizedBlob = "monday.csv.csv.gz",
    };

    [Fact]
    public void A_manifest_whose_delta_lists_do_not_match_its_buckets_is_rebuilt()
    {
        var manifest = new StateManifest
        {
            FormatVersion = StateLayout.FormatVersion,
            BucketCount = 64,
            IndexPartitions = 64,
            Batches = [StatePlan.ToMerged(Monday, 0)],
            BucketFiles = new string?[64],
            IndexFiles = new string?[64],
            BucketDeltas = [[], []],
        };

        var plan = StatePlan.Decide(new StoredManifest(manifest, new ETag("\"m\""), null), [Monday], 64, 64);

        Assert.Equal(StateAction.Rebuild, plan.Action);
        Assert.Equal(StateAction.UpToDate, StatePlan.Decide(new StoredManifest(manifest with { BucketDeltas = Enumerable.Repeat<IReadOnlyList<BucketDelta>>([], 64).ToList() }, new ETag("\"m\""), null), [Monday], 64, 64).Action);
    }
}
