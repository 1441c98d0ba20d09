using System.CommandLine;
using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Rfm;
using Segments.Core.Scoring;

namespace Segments.Cli.Commands;

/// <summary><c>segments score</c>: RFM-score one export file locally, no Azure involved.</summary>
public static class ScoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Export file (UCI Online Retail or generic CSV).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Score as of this date (yyyy-MM-dd); default: the day after the file's latest order." };
        var output = new Option<FileInfo?>("--out") { Description = "Write one row per scored customer to this CSV file." };
        var command = new Command("score", "Score every customer of an export file and print the segment counts.") { input, asOf, output };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(input), result.GetValue(asOf), result.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo input, string? asOfText, FileInfo? output, CancellationToken cancellationToken)
    {
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await Console.Error.WriteLineAsync($"--as-of '{asOfText}' is not a date in the form yyyy-MM-dd.").ConfigureAwait(false);
                return 2;
            }

            asOf = parsed;
        }

        if (!input.Exists)
        {
            await Console.Error.WriteLineAsync($"{input.FullName}: no such file.").ConfigureAwait(false);
            return 2;
        }

        var stream = input.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            var (report, rejection) = await FileScorer.ScoreAsync(stream, asOf, cancellationToken).ConfigureAwait(false);
            if (report is null)
            {
                await Console.Error.WriteLineAsync($"{input.Name}: rejected: {rejection}").ConfigureAwait(false);
                return 1;
            }

            PrintReport(input.Name, report);
            if (output is not null)
            {
                await WriteCustomersAsync(output, report.Scoring, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"wrote {report.Scoring.Customers.Count} customers to {output.FullName}");
            }
        }

        return 0;
    }

    private static void PrintReport(string fileName, FileScoringReport report)
    {
        Console.WriteLine($"{fileName}: profile {report.Profile}, as of {report.AsOf:yyyy-MM-dd}");
        Console.WriteLine($"rows read {report.RowsRead}, accepted {report.RowsAccepted}, skipped {report.RowsSkipped}, rejected {report.RowsRejected}");
        foreach (var error in report.FirstErrors)
        {
            Console.Error.WriteLine($"{fileName}:{error.Line}: {error.Column} '{error.Value}': {error.Reason}");
        }

        if (report.RowsRejected > report.FirstErrors.Count)
        {
            Console.Error.WriteLine($"... and {report.RowsRejected - report.FirstErrors.Count} more rejected rows");
        }

        Console.WriteLine($"customers scored {report.Scoring.Customers.Count}");
        foreach (var segment in report.Scoring.CountBySegment())
        {
            Console.WriteLine($"  {segment.Name,-20} {segment.Customers,8}");
        }
    }

    private static async Task WriteCustomersAsync(FileInfo output, RfmScoring scoring, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output.FullName);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("customer_id,recency_days,frequency,monetary,r,f,m,rfm_code,rfm_segment".AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var customer in scoring.Customers)
            {
                var m = customer.Metrics;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{CsvField.Escape(m.CustomerId)},{m.RecencyDays},{m.Frequency},{m.Monetary:0.00},{customer.R},{customer.F},{customer.M},{customer.Code},{CsvField.Escape(customer.Segment)}");
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
