using Azure;
using Segments.Pipeline.State;
using Segments.Storage.Batches;
using Segments.Storage.State;

namespace Segments.Pipeline.Tests.State;

public sealed class StatePlanTests
{
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 6, 0, 0, TimeSpan.Zero);

    private static BatchRecord Batch(string name, DateTimeOffset acceptedAt, string hash = "h", string etag = "e") => new()
    {
        BlobName = name,
        ETag = etag,
        ContentHash = hash,
        Status = BatchStatus.Accepted,
        AcceptedAt = acceptedAt,
        NormalizedBlob = name + ".csv.gz",
    };

    private static StoredManifest Stored(params BatchRecord[] merged) => new(
        new StateManifest
        {
            FormatVersion = StateLayout.FormatVersion,
            BucketCount = 64,
            IndexPartitions = 64,
            Batches = merged.Select((b, i) => StatePlan.ToMerged(b, i)).ToList(),
            BucketFiles = new string?[64],
            IndexFiles = new string?[64],
        },
        new ETag("\"m\""),
        null);

    private static StatePlan Decide(StoredManifest stored, params BatchRecord[] accepted) =>
        StatePlan.Decide(stored, AcceptedBatches.NewestFirst(accepted), 64, 64);

    [Fact]
    public void Batches_newer_than_every_merged_one_are_merged_newest_first()
    {
        var monday = Batch("monday.csv", Monday);
        var tuesday = Batch("tuesday.csv", Monday.AddDays(1));
        var wednesday = Batch("wednesday.csv", Monday.AddDays(2));

        var plan = Decide(Stored(monday), monday, tuesday, wednesday);

        Assert.Equal(StateAction.Merge, plan.Action);
        Assert.Equal(["wednesday.csv", "tuesday.csv"], plan.NewBatches.Select(b => b.BlobName));
    }

    [Fact]
    public void Nothing_new_is_up_to_date()
    {
        var monday = Batch("monday.csv", Monday);

        Assert.Equal(StateAction.UpToDate, Decide(Stored(monday), monday).Action);
    }

    [Fact]
    public void No_manifest_rebuilds()
    {
        var plan = Decide(new StoredManifest(null, null, null), Batch("monday.csv", Monday));

        Assert.Equal((StateAction.Rebuild, "no state yet"), (plan.Action, plan.Reason));
    }

    [Fact]
    public void A_merged_batch_no_longer_accepted_rebuilds()
    {
        var monday = Batch("monday.csv", Monday);
        var tuesday = Batch("tuesday.csv", Monday.AddDays(1));

        var plan = Decide(Stored(monday, tuesday), tuesday);

        Assert.Equal(StateAction.Rebuild, plan.Action);
        Assert.Contains("monday.csv", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_batch_with_other_content_rebuilds_and_the_same_content_under_a_new_etag_does_not()
    {
        var monday = Batch("monday.csv", Monday);

        Assert.Equal(StateAction.Rebuild, Decide(Stored(monday), monday with { ContentHash = "other" }).Action);
        Assert.Equal(StateAction.UpToDate, Decide(Stored(monday), monday with { ETag = "re-uploaded" }).Action);
    }

    [Fact]
    public void Without_a_content_hash_the_etag_tells_a_re_upload()
    {
        var monday = Batch("monday.csv", Monday, hash: string.Empty);

        Assert.Equal(StateAction.Rebuild, Decide(Stored(monday), monday with { ETag = "re-uploaded" }).Action);
    }

    [Fact]
    public void A_new_batch_placed_before_a_merged_one_rebuilds_as_merging_it_would_let_the_older_version_win()
    {
        var monday = Batch("monday.csv", Monday);
        var tuesday = Batch("tuesday.csv", Monday.AddDays(1));
        // A name that held a duplicate takes over an overwritten batch's content and its earlier place in time.
        var heir = Batch("heir.csv", Monday.AddHours(1));

        var plan = Decide(Stored(monday, tuesday), monday, tuesday, heir);

        Assert.Equal(StateAction.Rebuild, plan.Action);
        Assert.Contains("heir.csv", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_batch_whose_normalised_copy_is_gone_rebuilds_so_the_run_reads_it_and_fails_as_before()
    {
        var monday = Batch("monday.csv", Monday);

        var plan = StatePlan.Decide(Stored(monday), [monday], 64, 64, new HashSet<string>(StringComparer.Ordinal) { "other.csv.gz" });

        Assert.Equal(StateAction.Rebuild, plan.Action);
        Assert.Contains("monday.csv.csv.gz", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(StateAction.UpToDate, StatePlan.Decide(Stored(monday), [monday], 64, 64, new HashSet<string>(StringComparer.Ordinal) { "monday.csv.csv.gz" }).Action);
    }

    [Fact]
    public void A_manifest_of_another_format_or_bucket_count_rebuilds()
    {
        var monday = Batch("monday.csv", Monday);
        var stored = Stored(monday);

        Assert.Equal(StateAction.Rebuild, Decide(stored with { Manifest = stored.Manifest! with { FormatVersion = StateLayout.FormatVersion + 1 } }, monday).Action);
        Assert.Equal(StateAction.Rebuild, StatePlan.Decide(stored, [monday], 32, 64).Action);
    }
}
