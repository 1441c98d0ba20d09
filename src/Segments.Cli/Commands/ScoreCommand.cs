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
        var input = new ExportInputOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Score as of this date (yyyy-MM-dd); default: the day after the file's latest order." };
        var output = new Option<FileInfo?>("--out") { Description = "Write one row per scored customer to this CSV file." };
        var command = new Command("score", "Score every customer of an export file and print the segment counts.") { asOf, output };
        input.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(result, input, result.GetValue(asOf), result.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ExportInputOptions inputOptions, string? asOfText, FileInfo? output, CancellationToken cancellationToken)
    {
        var (asOf, asOfProblem) = AsOfArgument.Parse(asOfText);
        if (asOfProblem is not null)
        {
            await Console.Error.WriteLineAsync(asOfProblem).ConfigureAwait(false);
            return 2;
        }

        var input = result.GetRequiredValue(inputOptions.Input);
        var (context, problems) = inputOptions.Context(result);
        if (context is null || !input.Exists)
        {
            foreach (var problem in context is null ? problems : [$"{input.FullName}: no such file."])
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return 2;
        }

        var stream = input.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            var report = await FileScorer.ScoreAsync(stream, inputOptions.Source(result, input), context, asOf, cancellationToken).ConfigureAwait(false);
            IngestReportPrinter.Print(input.Name, report.Ingest);
            if (report.Scoring is not { } scoring)
            {
                return 1;
            }

            Console.WriteLine($"as of {report.AsOf:yyyy-MM-dd}: customers scored {scoring.Customers.Count}");
            foreach (var segment in scoring.CountBySegment())
            {
                Console.WriteLine($"  {segment.Name,-20} {segment.Customers,8}");
            }

            if (output is not null)
            {
                await WriteCustomersAsync(output, scoring, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"wrote {scoring.Customers.Count} customers to {output.FullName}");
            }
        }

        return 0;
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
