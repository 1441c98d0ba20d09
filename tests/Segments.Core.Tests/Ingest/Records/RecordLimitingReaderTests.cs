using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Tests.Ingest.Records;

/// <summary>What Sylvan is given: records within the limit untouched, longer ones cut short at their real end.</summary>
public class RecordLimitingReaderTests
{
    [Fact]
    public async Task Records_within_the_limit_pass_unchanged()
    {
        const string text = "a,b\n1,\"x\ny\"\n\"q\"\"q\",2\r\n3,4";

        Assert.Equal(text, await ReadAllAsync(text, maxRecordChars: 10));
    }

    [Fact]
    public async Task A_long_unquoted_record_is_cut_just_over_the_limit_and_the_next_record_follows()
    {
        var (output, reader) = await ReadAsync("a,b\n1,2\n" + new string('x', 50) + "\n3,4\n", maxRecordChars: 10);

        Assert.Equal("a,b\n1,2\n" + new string('x', 12) + "\n3,4\n", output);
        Assert.Equal(0, reader.DroppedLineBreaks(3));
    }

    [Fact]
    public async Task A_long_quoted_field_is_closed_where_it_is_cut_and_its_dropped_line_breaks_are_counted()
    {
        var (output, reader) = await ReadAsync("a,b\n1,\"" + new string('x', 20) + "\n\n" + new string('y', 20) + "\"\n3,4\n", maxRecordChars: 10);

        // "1,\"" and nine x: twelve characters, then the closing quote the cut needs.
        Assert.Equal("a,b\n1,\"" + new string('x', 9) + "\"\n3,4\n", output);
        Assert.Equal(2, reader.DroppedLineBreaks(2));
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_is_text_as_for_Sylvan()
    {
        var (output, _) = await ReadAsync("a,b\nx\"" + new string('y', 20) + "\n3,4\n", maxRecordChars: 10);

        Assert.Equal("a,b\nx\"" + new string('y', 10) + "\n3,4\n", output);
    }

    [Fact]
    public async Task A_quoted_field_never_closed_runs_to_the_end_of_the_file()
    {
        var (output, _) = await ReadAsync("a,b\n1,\"" + new string('x', 20) + "\n3,4\n", maxRecordChars: 10);

        Assert.Equal("a,b\n1,\"" + new string('x', 9), output);
    }

    [Fact]
    public async Task A_file_whose_lines_end_in_a_bare_CR_passes_unchanged_however_long()
    {
        // Sylvan takes the records' end from the header; the whole file is one "line" to a line-feed reader.
        var text = "a,b\r" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i}\r"));

        Assert.Equal(text, await ReadAllAsync(text, maxRecordChars: 10));
    }

    [Fact]
    public async Task A_CRLF_file_is_still_limited()
    {
        var (output, _) = await ReadAsync("a,b\r\n1,2\r\n" + new string('x', 50) + "\r\n3,4\r\n", maxRecordChars: 10);

        Assert.Equal("a,b\r\n1,2\r\n" + new string('x', 12) + "\n3,4\r\n", output);
    }

    [Fact]
    public async Task A_header_over_the_limit_refuses_the_file_without_quoting_it()
    {
        var error = await Assert.ThrowsAsync<ExportRejectedException>(() => ReadAllAsync(new string('h', 50) + "\n1\n", maxRecordChars: 10));

        Assert.Equal("the header (line 1) is longer than the 10-character limit for one record (setting Segments:Ingest:MaxRecordChars)", error.Reason);
    }

    private static async Task<string> ReadAllAsync(string text, int maxRecordChars) => (await ReadAsync(text, maxRecordChars)).Output;

    private static async Task<(string Output, RecordLimitingReader Reader)> ReadAsync(string text, int maxRecordChars)
    {
        var reader = new RecordLimitingReader(new StringReader(text), maxRecordChars, firstDataLine: 2);
        var output = new System.Text.StringBuilder();
        var buffer = new char[7];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
        {
            output.Append(buffer, 0, read);
        }

        return (output.ToString(), reader);
    }
}
