using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class BoundedLineReaderTests
{
    [Theory]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    public async Task Crlf_split_across_the_read_buffer_ends_a_line_without_its_carriage_return(int firstLineLength)
    {
        // Arrange: the first line's "\r\n" falls on, just before or just after the reader's 16 Ki-character buffer edge.
        var first = new string('a', firstLineLength);
        var reader = new BoundedLineReader(new StringReader(first + "\r\nb\r\n\nc"), maxChars: 20_000);

        // Act
        var lines = new List<(string? Line, long Length)>();
        while (await reader.ReadLineAsync(CancellationToken.None) is (true, var line, var length))
        {
            lines.Add((line, length));
        }

        // Assert
        Assert.Equal([(first, (long)firstLineLength), ("b", 1L), ("", 0L), ("c", 1L)], lines);
    }

    [Fact]
    public async Task A_line_over_the_limit_gives_its_length_and_beginning_but_no_text()
    {
        // Arrange
        var reader = new BoundedLineReader(new StringReader("0123456789ABC\r\nok"), maxChars: 10);

        // Act
        var (read, line, length) = await reader.ReadLineAsync(CancellationToken.None);
        var beginning = reader.Beginning;
        var next = await reader.ReadLineAsync(CancellationToken.None);

        // Assert
        Assert.True(read);
        Assert.Null(line);
        Assert.Equal(13, length);
        Assert.Equal("0123456789A", beginning);
        Assert.Equal((true, "ok", 2L), next);
    }
}
