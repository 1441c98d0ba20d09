using Segments.Pipeline.Scale;

namespace Segments.Pipeline.Tests.Scale;

public sealed class RunWorkBlobsTests
{
    [Fact]
    public void A_run_s_container_is_the_prefix_and_its_id_s_letters_in_lower_case_and_digits()
    {
        Assert.Equal("runwork-20261207t211209298zee3f", RunWorkBlobs.ContainerOf("20261207T211209298Z-ee3f"));
        Assert.Equal("runwork-20111209dead", RunWorkBlobs.ContainerOf("20111209-dead"));
    }

    [Fact]
    public void A_run_id_that_makes_no_container_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RunWorkBlobs.ContainerOf("--"));
        Assert.Throws<ArgumentException>(() => RunWorkBlobs.ContainerOf(new string('a', 56)));
        Assert.Equal(63, RunWorkBlobs.ContainerOf(new string('a', 55)).Length);
    }

    [Fact]
    public void A_name_is_described_as_the_run_s_container_and_the_blob_in_it()
    {
        Assert.Equal("runwork-r1/lines/bucket=0007.bin", RunWorkBlobs.Describe(RunWorkBlobs.LinesOf("r1", 7)));
        Assert.Equal("runwork-r1/merged-summary.bin", RunWorkBlobs.Describe(RunWorkBlobs.MergedSummaryOf("r1")));
        Assert.Throws<ArgumentException>(() => RunWorkBlobs.Describe("state/v2/bucket=0007.parquet"));
        Assert.Throws<ArgumentException>(() => RunWorkBlobs.Describe("runs/r1/"));
    }
}
