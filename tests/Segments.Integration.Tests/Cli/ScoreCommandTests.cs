using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Cli;

/// <summary><c>segments score</c>, run as the process an analyst runs.</summary>
public sealed class ScoreCommandTests
{
    [OnlineRetailFact]
    public async Task Scores_the_online_retail_file_into_the_independently_computed_segment_counts()
    {
        var output = Path.Combine(Path.GetTempPath(), $"segments-{Guid.NewGuid():N}.csv");
        try
        {
            var (exitCode, stdout, _) = await RunCliAsync("score", "--input", RepositoryPaths.OnlineRetail, "--as-of", OnlineRetailReference.AsOf, "--out", output);

            Assert.Equal(0, exitCode);
            Assert.Contains($"customers scored {OnlineRetailReference.Customers}", stdout, StringComparison.Ordinal);
            var rows = (await File.ReadAllLinesAsync(output)).Skip(1).Select(line => line.Split(',')).ToList();
            Assert.Equal(OnlineRetailReference.Customers, rows.Count);
            var counts = rows.GroupBy(r => r[^1]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(OnlineRetailReference.SegmentCounts.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [OnlineRetailFact]
    public async Task Default_as_of_is_the_day_after_the_latest_order()
    {
        var (exitCode, stdout, _) = await RunCliAsync("score", "--input", RepositoryPaths.OnlineRetail);

        Assert.Equal(0, exitCode);
        Assert.Contains("as of 2011-12-10", stdout, StringComparison.Ordinal);
        Assert.Contains("rows read 541909, accepted 406829, skipped 135080, rejected 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_one_row_per_customer_with_the_documented_header()
    {
        var output = Path.Combine(Path.GetTempPath(), $"segments-{Guid.NewGuid():N}.csv");
        try
        {
            var (exitCode, _, _) = await RunCliAsync("score", "--input", RepositoryPaths.Sample, "--out", output);

            Assert.Equal(0, exitCode);
            var lines = await File.ReadAllLinesAsync(output);
            Assert.Equal("customer_id,recency_days,frequency,monetary,r,f,m,rfm_code,rfm_segment", lines[0]);
            Assert.Equal(147, lines.Length - 1);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Bad_as_of_is_refused_with_a_clear_message()
    {
        var (exitCode, _, stderr) = await RunCliAsync("score", "--input", RepositoryPaths.Sample, "--as-of", "10/12/2011");

        Assert.Equal(2, exitCode);
        Assert.Contains("--as-of '10/12/2011' is not a date in the form yyyy-MM-dd", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unrecognised_file_exits_1_with_the_reason()
    {
        var input = Path.Combine(Path.GetTempPath(), $"segments-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(input, "a,b,c\n1,2,3\n");
        try
        {
            var (exitCode, _, stderr) = await RunCliAsync("score", "--input", input);

            Assert.Equal(1, exitCode);
            Assert.Contains("rejected: no recognised header", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] args) => CliProcess.RunAsync(args);
}
