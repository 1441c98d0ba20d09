namespace Segments.Core.Tests.Ingest;

public class PhysicalLineNumberTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task Line_breaks_inside_quoted_fields_move_later_rows_down(string newline)
    {
        // Arrange: row 2 spans lines 2–4 (two breaks in its quoted description, one of them CRLF), a blank
        // line 6, an escaped quote before a break on line 7, and a last row without a final line break.
        var csv = string.Join(newline,
            ExportFile.UciHeader,
            "536365,85123A,\"WHITE\nHANGING\r\nHEART\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
            string.Empty,
            "536366,22633,\"HAND \"\"WARMER\"\"\nUNION JACK\",6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom",
            "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047.0,United Kingdom");

        // Act
        var rows = await ExportFile.ReadRowsAsync(csv);

        // Assert
        Assert.Equal([2L, 5L, 6L, 7L, 9L], rows.Select(r => r.Line));
    }
}
