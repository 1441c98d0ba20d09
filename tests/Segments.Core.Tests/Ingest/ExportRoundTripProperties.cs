using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// Random valid exports keep their totals through ingest: every generated line is accepted, the accepted amounts
/// add up to the generated sum, and the set of orders (id, customer, UTC date) comes back unchanged. Up to 25
/// orders of 1–5 lines, 60 cases per property, to keep the project's test run short.
/// </summary>
public class ExportRoundTripProperties
{
    private const int MaxOrders = 25;

    [Property(MaxTest = 60)]
    public Property Csv_export_keeps_its_totals_rows_and_orders() =>
        Prop.ForAll(GeneratedExport.Generator(MaxOrders, GeneratedExport.DelimitedStyles(gzip: false)).ToArbitrary(), KeepsTotalsAsync);

    [Property(MaxTest = 60)]
    public Property Json_lines_export_keeps_its_totals_rows_and_orders() =>
        Prop.ForAll(GeneratedExport.Generator(MaxOrders, GeneratedExport.JsonLinesStyles(gzip: false)).ToArbitrary(), KeepsTotalsAsync);

    [Property(MaxTest = 40)]
    public Property Gzip_csv_export_keeps_its_totals_rows_and_orders() =>
        Prop.ForAll(GeneratedExport.Generator(MaxOrders, GeneratedExport.DelimitedStyles(gzip: true)).ToArbitrary(), KeepsTotalsAsync);

    [Property(MaxTest = 40)]
    public Property Gzip_json_lines_export_keeps_its_totals_rows_and_orders() =>
        Prop.ForAll(GeneratedExport.Generator(MaxOrders, GeneratedExport.JsonLinesStyles(gzip: true)).ToArbitrary(), KeepsTotalsAsync);

    private static async Task KeepsTotalsAsync(GeneratedExport export)
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(export.Bytes(), name: export.Style.Name);

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal(export.Lines.Count, run.Report.RowsAccepted);
        Assert.Equal(export.Lines.Sum(l => l.Amount), run.Lines.Sum(l => l.Amount));
        Assert.Equal(
            export.Lines.Select(l => (l.OrderId, l.CustomerId, l.OrderDate)).Distinct().Order(),
            run.Lines.Select(l => (l.OrderId, l.CustomerId, l.OrderDate)).Distinct().Order());
    }
}
