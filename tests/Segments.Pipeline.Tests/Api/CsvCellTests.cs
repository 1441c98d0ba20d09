using Segments.Pipeline.Api;

namespace Segments.Pipeline.Tests.Api;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    public void Cells_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Of(value));

    [Theory]
    [InlineData("12662", "12662")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("x=1", "x=1")]
    [InlineData(null, "")]
    public void Other_cells_are_quoted_only_when_rfc_4180_needs_it(string? value, string expected) =>
        Assert.Equal(expected, CsvCell.Of(value));
}
