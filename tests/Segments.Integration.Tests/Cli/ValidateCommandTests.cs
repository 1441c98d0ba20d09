using System.Text;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Cli;

/// <summary><c>segments validate</c> on broken files, run as the process a shop's developer runs: a verdict, never a stack trace.</summary>
public sealed class ValidateCommandTests
{
    private const string Header = "customer_id,order_id,order_date,amount";

    [Fact]
    public async Task A_record_far_over_the_length_limit_is_a_row_error_and_the_verdict_a_one_line_reason_without_a_stack_trace()
    {
        // Line 3 is 3 million characters, three times the default limit (and past Sylvan's buffer); one bad row of three
        // is over the 5% threshold, so the file would be rejected.
        var (exitCode, stdout, stderr) = await ValidateAsync(Header + "\nA,o1,2024-03-01,10\nB,o" + new string('x', 3_000_000) + ",2024-03-01,10\nC,o3,2024-03-01,10\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("rows read 3, accepted 2, skipped 0, rejected 1", stdout, StringComparison.Ordinal);
        Assert.Contains(":3:: line 3 is longer than the 1,048,576-character limit for one record (setting Segments:Ingest:MaxRecordChars)", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'), l => l.Contains(": rejected: 33.3% of rows were rejected (1 of 3)", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unterminated_quote_exits_1_naming_the_line_where_the_field_began()
    {
        var (exitCode, _, stderr) = await ValidateAsync(Header + "\nA,o1,2024-03-01,10\nB,\"o2,2024-03-01,10\nC,o3,2024-03-01,10\n");

        Assert.Equal(1, exitCode);
        Assert.Contains(": rejected: line 3: a quoted field starts on this line and is never closed (the file ends inside it) (after 1 rows)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_windows_1252_is_read_when_its_encoding_is_declared()
    {
        byte[] content = [.. Encoding.ASCII.GetBytes(Header + "\nM"), 0xFC, .. Encoding.ASCII.GetBytes("ller,o1,2024-03-01,10\n")];

        var undeclared = await ValidateAsync(content);
        var declared = await ValidateAsync(content, "--encoding", "windows-1252");

        Assert.Equal(1, undeclared.ExitCode);
        Assert.Contains("bytes that are not valid UTF-8 at byte offset 40", undeclared.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, declared.ExitCode);
        Assert.Contains("rows read 1, accepted 1", declared.Stdout, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> ValidateAsync(string content) => ValidateAsync(Encoding.UTF8.GetBytes(content));

    private static async Task<(int ExitCode, string Stdout, string Stderr)> ValidateAsync(byte[] content, params string[] extra)
    {
        var input = Path.Combine(Path.GetTempPath(), $"segments-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(input, content);
        try
        {
            return await CliProcess.RunAsync(["validate", "--input", input, .. extra]);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
