using System.Diagnostics;
using System.Text;
using Segments.Core.Synthetic;

namespace Segments.Cli.Commands;

/// <summary><c>segments generate --customers N</c>: an export of N customers over a date range, into one file or one file per day.</summary>
internal static class GenerateCustomersAction
{
    /// <summary>Writes the export and prints what was written; returns the exit code.</summary>
    public static int Run(CustomerExportSettings settings, FileInfo? output, DirectoryInfo? dailyBatches, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        CustomerExportSummary summary;
        string written;
        if (dailyBatches is not null)
        {
            using var files = new DailyExportFiles(dailyBatches);
            summary = CustomerExportGenerator.Write(settings, files, cancellationToken);
            written = $"{files.Files:N0} daily files ({DailyExportFiles.FileName(settings.From)} … {DailyExportFiles.FileName(settings.To)}) in {dailyBatches.FullName}: {files.Bytes:N0} bytes";
        }
        else
        {
            var file = output ?? throw new ArgumentNullException(nameof(output));
            using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20))
            {
                summary = CustomerExportGenerator.Write(settings, new SingleWriterDaySink(writer), cancellationToken);
            }

            written = $"{file.FullName}: {new FileInfo(file.FullName).Length:N0} bytes";
        }

        Console.WriteLine(
            $"wrote {written}, {summary.Rows:N0} rows, {summary.Customers:N0} customers, {summary.Invoices:N0} invoices "
            + $"({summary.Cancellations:N0} cancellations), {summary.RowsWithoutCustomer:N0} rows without CustomerID, "
            + $"{summary.ReexportedInvoices:N0} invoices re-exported on a later day ({summary.CorrectedInvoices:N0} corrected), "
            + $"{summary.Days:N0} days with orders from {settings.From:yyyy-MM-dd} to {settings.To:yyyy-MM-dd}, in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
