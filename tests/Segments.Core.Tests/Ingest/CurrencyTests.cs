using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>Amounts in other currencies than the store's reporting currency.</summary>
public class CurrencyTests
{
    private const string Header = "customer_id,order_id,order_date,amount,currency";

    private static readonly IngestOptions UsdStore = new()
    {
        ReportingCurrency = "USD",
        CurrencyRates = new Dictionary<string, decimal> { ["EUR"] = 1.10m },
        MaxRejectedFraction = 1,
    };

    [Fact]
    public async Task Row_in_a_currency_without_a_rate_is_rejected()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,GBP"), UsdStore);

        // Assert
        Assert.Equal(
            new RowError(2, "currency", "GBP", "currency GBP is not the store's reporting currency USD and no rate is configured for it (Segments:Ingest:CurrencyRates)"),
            Assert.Single(run.Errors));
    }

    [Fact]
    public async Task Row_in_a_currency_with_a_rate_is_converted()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,EUR"), UsdStore);

        // Assert: 10.00 EUR × 1.10 USD/EUR = 11.00 USD.
        Assert.Equal(11.00m, Assert.Single(run.Lines).Amount);
    }

    [Fact]
    public async Task Currency_code_is_matched_whatever_its_case()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,usd", "C-2,O-2,2011-12-09,10.00,eur"), UsdStore);

        // Assert: usd is the reporting currency, eur converts at 1.10.
        Assert.Equal([10.00m, 11.00m], run.Lines.Select(l => l.Amount));
    }

    [Fact]
    public async Task Row_without_a_currency_is_taken_as_the_reporting_currency()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,"), UsdStore);

        // Assert
        Assert.Equal(10.00m, Assert.Single(run.Lines).Amount);
    }

    [Fact]
    public async Task Without_a_reporting_currency_no_row_is_checked()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,GBP"));

        // Assert
        Assert.Equal(10.00m, Assert.Single(run.Lines).Amount);
    }

    [Fact]
    public async Task Currency_of_a_shopify_order_applies_to_its_later_line_items()
    {
        // Arrange: the currency is on the first row only; the order totals 60.00 EUR.
        var text = ProcessedExport.Text(
            "Name,Email,Paid at,Currency,Total,Created at,Lineitem quantity,Lineitem price,Lineitem sku",
            "SO-1001,ann@example.com,2024-01-15 10:30:00 -0500,EUR,60.00,2024-01-15 10:29:41 -0500,2,12.50,MUG",
            "SO-1001,,,,,,1,35.00,TEE");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, UsdStore);

        // Assert: both rows accepted; 60.00 EUR × 1.10 = 66.00 USD on the first.
        Assert.Empty(run.Errors);
        Assert.Equal([66.00m, 0m], run.Lines.Select(l => l.Amount));
    }
}
