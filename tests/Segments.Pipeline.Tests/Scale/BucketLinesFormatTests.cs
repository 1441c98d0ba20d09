using Segments.Core.Transactions;
using Segments.Pipeline.Scale;

namespace Segments.Pipeline.Tests.Scale;

public class BucketLinesFormatTests
{
    private static readonly TransactionLine[] Lines =
    [
        new("17850", "536365", new DateOnly(2010, 12, 1), 15.30m, "United Kingdom", false) { Product = "85123A" },
        new("17850", "536365", new DateOnly(2010, 12, 1), 20.340m, "United Kingdom", false) { Product = "71053" },
        new("17850", "C536379", new DateOnly(2010, 12, 2), -27.50m, "United Kingdom", true) { Product = "D" },
        new("Ünïcode, \"quoted\"\r\nid", "x-1", new DateOnly(2024, 2, 29), 0.00m, "", false),
        new("12583", "536370", new DateOnly(1, 1, 1), -0m, "France", false) { Product = "POST" },
        new("12583", "536371", new DateOnly(9999, 12, 31), decimal.MaxValue, "France", false) { Product = "22728" },
        new("12583", "536372", new DateOnly(2011, 1, 1), decimal.MinValue, "France", true) { Product = "22728" },
        new("12583", "536373", new DateOnly(2011, 1, 2), 0.0000000000000000000000000001m, "France", false) { Product = "85123A" },
        new("12583", "536374", new DateOnly(2011, 1, 3), 92233720368547758.07m, "France", false) { Product = "85123A" },
        new("12583", "536375", new DateOnly(2011, 1, 4), 92233720368547758.08m, "France", false) { Product = "85123A" },
    ];

    [Fact]
    public void Lines_round_trip_in_their_order_with_every_field_and_each_amount_s_scale()
    {
        var read = BucketLinesFormat.FromBytes(BucketLinesFormat.ToBytes(Lines), "test");

        Assert.Equal(Lines, read);
        // decimal equality ignores the scale; the text shows it (15.30 stays 15.30, not 15.3).
        Assert.Equal(Lines.Select(l => l.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), read.Select(l => l.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Lines.Select(l => decimal.GetBits(l.Amount)), read.Select(l => decimal.GetBits(l.Amount)));
    }

    [Fact]
    public void No_lines_round_trip_to_none()
    {
        Assert.Empty(BucketLinesFormat.FromBytes(BucketLinesFormat.ToBytes([]), "test"));
    }

    [Fact]
    public void A_repeated_string_is_written_once()
    {
        var one = BucketLinesFormat.ToBytes(Lines[..1]);
        var twice = BucketLinesFormat.ToBytes([Lines[0], Lines[0]]);

        // The second line: four one-byte references (customer, order, country, product), its day (3 bytes), its
        // amount (a scale byte and 1530 in 2 bytes) and its cancellation flag.
        Assert.Equal(one.Length + 4 + 3 + 3 + 1, twice.Length);
    }

    [Fact]
    public void Bytes_of_another_version_are_refused_naming_their_source()
    {
        var error = Assert.Throws<InvalidDataException>(() => BucketLinesFormat.FromBytes([9, 0, 0, 0, 0, 0, 0, 0], "state/runs/r1/lines/bucket=0003.bin"));

        Assert.Equal("state/runs/r1/lines/bucket=0003.bin: not a bucket's lines of version 1 (found 9)", error.Message);
    }

    [Fact]
    public void Cut_short_bytes_are_refused_naming_their_source()
    {
        var bytes = BucketLinesFormat.ToBytes(Lines);

        var error = Assert.Throws<InvalidDataException>(() => BucketLinesFormat.FromBytes(bytes[..^5], "state/runs/r1/lines/bucket=0003.bin"));

        Assert.StartsWith("state/runs/r1/lines/bucket=0003.bin: cut short", error.Message, StringComparison.Ordinal);
    }
}
