using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// Damaged uploads (truncated, bytes flipped, quotes, separators and line breaks slipped in, garbage lines) never
/// escape ExportProcessor as an exception: it returns a report, possibly a rejection, whose counts add up.
/// </summary>
public class CorruptedExportProperties
{
    [Property(MaxTest = 300)]
    public Property Corrupted_export_gets_a_report_whose_counts_add_up() =>
        Prop.ForAll(CorruptedExport.Generator(maxOrders: 12).ToArbitrary(), async corrupted =>
        {
            // Act: an exception here fails the property with the case that caused it.
            var run = await ProcessedExport.ProcessAsync(corrupted.Bytes(), name: corrupted.Export.Style.Name);

            // Assert
            var report = run.Report;
            Assert.Equal(report.RowsRead, report.RowsAccepted + report.RowsSkipped + report.RowsRejected);
            Assert.Equal(report.RowsAccepted, run.Lines.Count);
            Assert.Equal(report.RowsRejected, run.Errors.Count);
            // A header without rows (truncation can leave just that) is a day without orders, accepted empty.
            Assert.True(report.IsRejected || report.RowsAccepted > 0 || report.RowsRead == 0, "an accepted file with rows must have accepted rows");
        });
}
