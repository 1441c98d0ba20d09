using System.Globalization;
using System.Text;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// Quantities and prices read by hand must keep decimal.TryParse's results exactly, scale included (the
/// normalised batch prints an amount with its trailing zeros): every value is compared with it.
/// </summary>
public class NumberFastPathTests
{
    [Fact]
    public async Task Quantities_read_as_decimal_TryParse_reads_them()
    {
        // Arrange: one UCI row per value, the value as Quantity and 1 as UnitPrice, so the amount is the value.
        string[] edges =
        [
            "0", "-0", "0.00", "00", "007", "007.50", "2.55", "-2.10", "12", "-1", "1.", ".5", "-.5", "+5", "1e3", " 5", "5 ",
            "1,000", "--1", "1.2.3", "123456789012345678", "1234567890123456789", "12345678901234567.8", "1234567890123456789.5",
            "0.000000000000000001", "99999999999999999.9", "-999999999999999999", "٣", "１",
        ];
        var random = new Random(541909);
        var values = edges.Concat(Enumerable.Range(0, 5_000).Select(_ => RandomNumber(random))).ToList();
        var csv = new StringBuilder(ExportFile.UciHeader).Append('\n');
        foreach (var value in values)
        {
            csv.Append(CultureInfo.InvariantCulture, $"536365,85123A,HOLDER,\"{value}\",2010-12-01 08:26:00,1,17850.0,United Kingdom\n");
        }

        // Act
        var rows = await ExportFile.ReadRowsAsync(csv.ToString());

        // Assert
        Assert.Equal(values.Count, rows.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var expectedParsed = decimal.TryParse(values[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
            var row = rows[i];
            Assert.True(expectedParsed == (row.Status == RowStatus.Accepted), $"'{values[i]}': TryParse {expectedParsed}, row {row.Status}");
            if (expectedParsed)
            {
                Assert.True(decimal.GetBits(expected).SequenceEqual(decimal.GetBits(row.Transaction.Amount)), $"'{values[i]}': {expected} vs {row.Transaction.Amount}");
            }
        }
    }

    private static string RandomNumber(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append('-');
        }

        text.Append(random.Next(3) == 0 ? "0" : string.Empty);
        for (var i = random.Next(0, 21); i > 0; i--)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        if (random.Next(2) == 0)
        {
            text.Append('.');
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }

        return text.ToString();
    }
}
