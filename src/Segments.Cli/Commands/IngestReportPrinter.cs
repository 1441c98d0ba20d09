using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>Prints an ingest report the same way for <c>validate</c> and <c>score</c>.</summary>
internal static class IngestReportPrinter
{
    public static void Print(string fileName, IngestReport report)
    {
        if (report.Mapping is not null)
        {
            Console.WriteLine($"{fileName}: mapping {report.Mapping}, format {report.Format}");
            Console.WriteLine($"rows read {report.RowsRead}, accepted {report.RowsAccepted}, skipped {report.RowsSkipped}, rejected {report.RowsRejected}");
        }

        foreach (var error in report.FirstErrors)
        {
            var column = error.Column.Length > 0 ? $" {error.Column}" : string.Empty;
            var value = error.Value.Length > 0 ? $" '{error.Value}'" : string.Empty;
            Console.Error.WriteLine($"{fileName}:{error.Line}:{column}{value}: {error.Reason}");
        }

        if (report.RowsRejected > report.FirstErrors.Count)
        {
            Console.Error.WriteLine($"... and {report.RowsRejected - report.FirstErrors.Count} more rejected rows");
        }

        if (report.Rejection is { } reason)
        {
            Console.Error.WriteLine($"{fileName}: rejected: {reason}");
        }
    }
}
