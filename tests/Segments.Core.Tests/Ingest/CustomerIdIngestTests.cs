using Segments.Core.Ingest;
using Segments.Core.Scoring;

namespace Segments.Core.Tests.Ingest;

/// <summary>Customer ids as ingestion stores them: the same customer looks the same in every export.</summary>
public class CustomerIdIngestTests
{
    [Fact]
    public async Task Id_exported_as_a_float_is_the_same_customer_as_the_integer()
    {
        // Arrange: pandas wrote the first row's id as a float.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount",
            "17850.0,O-1,2011-12-01,10.00",
            "17850,O-2,2011-12-05,20.00");
        using var stream = ExportFile.StreamOf(text);

        // Act
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("orders.csv"), ExportContext.Default, new DateOnly(2011, 12, 31), CancellationToken.None);

        // Assert: one customer "17850" with both orders.
        var customer = Assert.Single(report.Scoring!.Customers).Metrics;
        Assert.Equal(("17850", 2), (customer.CustomerId, customer.Frequency));
    }

    [Fact]
    public async Task Id_is_trimmed()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text("customer_id,order_id,order_date,amount", "  C-17\t,O-1,2011-12-09,10.00"));

        // Assert
        Assert.Equal("C-17", Assert.Single(run.Lines).CustomerId);
    }

    [Fact]
    public async Task Ids_differing_only_in_case_stay_different_customers()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(
            "customer_id,order_id,order_date,amount",
            "cust-AbC,O-1,2011-12-09,10.00",
            "CUST-ABC,O-2,2011-12-09,10.00"));

        // Assert
        Assert.Equal(["cust-AbC", "CUST-ABC"], run.Lines.Select(l => l.CustomerId));
    }
}
