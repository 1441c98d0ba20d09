using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Cli;

/// <summary><c>segments generate --customers</c>, run as the process a developer runs to make test data.</summary>
public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Daily_batches_are_one_file_per_day_each_accepted_by_validate_and_the_same_bytes_for_the_same_seed()
    {
        var first = Directory.CreateTempSubdirectory("segments-generate-");
        var second = Directory.CreateTempSubdirectory("segments-generate-");
        try
        {
            string[] args = ["generate", "--customers", "300", "--lines", "6000", "--from", "2024-11-01", "--to", "2024-11-07", "--seed", "4", "--daily-batches"];
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync([.. args, first.FullName]);
            var again = await CliProcess.RunAsync([.. args, second.FullName]);

            Assert.Equal((0, string.Empty), (exitCode, stderr));
            Assert.Contains("wrote 7 daily files (orders-2024-11-01.csv … orders-2024-11-07.csv)", stdout, StringComparison.Ordinal);
            Assert.Contains(", 300 customers, ", stdout, StringComparison.Ordinal);
            var files = first.GetFiles("orders-*.csv").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(Enumerable.Range(1, 7).Select(d => $"orders-2024-11-{d:D2}.csv"), files.Select(f => f.Name));
            Assert.Equal(0, again.ExitCode);
            foreach (var file in files)
            {
                Assert.Equal(await File.ReadAllBytesAsync(file.FullName), await File.ReadAllBytesAsync(Path.Combine(second.FullName, file.Name)));
                var validated = await CliProcess.RunAsync("validate", "--input", file.FullName);
                Assert.Equal(0, validated.ExitCode);
                Assert.Contains("mapping uci-online-retail", validated.Stdout, StringComparison.Ordinal);
                Assert.Contains("verdict: accepted", validated.Stdout, StringComparison.Ordinal);
            }
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Customers_with_a_row_count_or_without_a_destination_is_refused_with_the_reason()
    {
        var mixed = await CliProcess.RunAsync("generate", "--customers", "10", "--rows", "5", "--out", Path.Combine(Path.GetTempPath(), "never-written.csv"));
        var nowhere = await CliProcess.RunAsync("generate", "--customers", "10");
        var backwards = await CliProcess.RunAsync("generate", "--customers", "10", "--from", "2024-02-01", "--to", "2024-01-01", "--out", Path.Combine(Path.GetTempPath(), "never-written.csv"));

        Assert.NotEqual(0, mixed.ExitCode);
        Assert.Contains("--customers does not go with --rows, --megabytes or --events.", mixed.Stderr, StringComparison.Ordinal);
        Assert.Contains("With --customers, give exactly one of --out and --daily-batches.", nowhere.Stderr, StringComparison.Ordinal);
        Assert.Contains("--customers: the last day 2024-01-01 is before the first 2024-02-01.", backwards.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "never-written.csv")));
    }
}
