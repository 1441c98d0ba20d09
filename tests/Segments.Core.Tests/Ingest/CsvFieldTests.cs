using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

public class CsvFieldTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("Korea, Republic of", "\"Korea, Republic of\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Escape_quotes_only_fields_that_need_it_and_doubles_inner_quotes(string value, string expected)
    {
        // Act
        var escaped = CsvField.Escape(value);

        // Assert
        Assert.Equal(expected, escaped);
    }
}
