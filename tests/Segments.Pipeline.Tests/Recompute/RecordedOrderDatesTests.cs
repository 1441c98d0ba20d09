using Segments.Pipeline.Recompute;
using Segments.Storage.Batches;

namespace Segments.Pipeline.Tests.Recompute;

public sealed class RecordedOrderDatesTests
{
    [Fact]
    public void Span_covers_every_accepted_order_batch_with_rows()
    {
        BatchRecord[] ledger =
        [
            Batch("december.csv", new DateOnly(2010, 12, 1), new DateOnly(2010, 12, 23)),
            Batch("later.csv", new DateOnly(2011, 3, 4), new DateOnly(2011, 12, 9)),
            Batch("middle.csv", new DateOnly(2011, 1, 4), new DateOnly(2011, 2, 28)),
        ];

        var span = RecordedOrderDates.Of(ledger);

        Assert.Equal((new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9)), (span!.First, span.Latest));
    }

    [Fact]
    public void Batches_runs_do_not_read_add_nothing()
    {
        BatchRecord[] ledger =
        [
            Batch("orders.csv", new DateOnly(2011, 1, 4), new DateOnly(2011, 2, 28)),
            Batch("refused.csv", new DateOnly(1990, 1, 1), new DateOnly(2030, 1, 1)) with { Status = BatchStatus.Rejected, NormalizedBlob = null },
            Batch("copy.csv", new DateOnly(1990, 1, 1), new DateOnly(2030, 1, 1)) with { Status = BatchStatus.Duplicate, NormalizedBlob = null },
            Batch("broken.csv", null, null) with { Status = BatchStatus.Failed, NormalizedBlob = null },
            Batch("customers.csv", null, null) with { Kind = BatchKind.Profiles },
            Batch("quiet-day.csv", null, null) with { RowsAccepted = 0 },
        ];

        var span = RecordedOrderDates.Of(ledger);

        Assert.Equal((new DateOnly(2011, 1, 4), new DateOnly(2011, 2, 28)), (span!.First, span.Latest));
    }

    [Fact]
    public void Ledger_cannot_tell_when_an_accepted_batch_with_rows_has_no_dates()
    {
        BatchRecord[] ledger =
        [
            Batch("new.csv", new DateOnly(2011, 1, 4), new DateOnly(2011, 2, 28)),
            Batch("ingested-before-the-ledger-kept-dates.csv", null, null),
        ];

        Assert.Null(RecordedOrderDates.Of(ledger));
    }

    [Fact]
    public void Empty_ledger_is_an_empty_span_that_refuses_nothing()
    {
        var span = RecordedOrderDates.Of([]);

        Assert.Null(span!.First);
        Assert.Null(span.Problem(new DateOnly(1900, 1, 1), 366));
    }

    [Theory]
    [InlineData("1900-01-01", "as-of 1900-01-01 is before the first order (2010-12-01); the data runs from 2010-12-01 to 2011-12-09")]
    [InlineData("2030-01-01", "as-of 2030-01-01 is 6598 days after the latest order (2011-12-09); at most 366 days are allowed (setting Segments:MaxAsOfDaysAfterLatestOrder); the data runs from 2010-12-01 to 2011-12-09")]
    [InlineData("2010-12-01", null)]
    [InlineData("2012-12-09", null)]
    public void Problem_names_the_bound_the_as_of_is_outside(string asOf, string? problem)
    {
        var span = RecordedOrderDates.Of([Batch("sample.csv", new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9))]);

        Assert.Equal(problem, span!.Problem(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), 366));
    }

    private static BatchRecord Batch(string name, DateOnly? first, DateOnly? latest) => new()
    {
        BlobName = name,
        ETag = "\"0x1\"",
        Status = BatchStatus.Accepted,
        NormalizedBlob = $"{name}.csv.gz",
        RowsAccepted = 10,
        FirstOrderDate = first,
        LatestOrderDate = latest,
    };
}
