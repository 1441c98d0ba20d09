using System.CommandLine;
using Segments.Core.Cohorts;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments cohorts</c>: retention by first-order month for one export file, read as the blob trigger reads it,
/// over the orders RFM counts (non-cancelled, with a customer id, on or before the as-of date).
/// </summary>
public static class CohortsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new ExportInputOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Count orders up to this date (yyyy-MM-dd); default: every order." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the table as CSV (cohort,month,customers,rate,revenue) to this file; default: standard output." };
        var command = new Command("cohorts", "Retention by cohort (month of the first order) for an export file.") { asOf, output };
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
        if (context is null || !input.Exists || problems.Count > 0)
        {
            foreach (var problem in input.Exists ? problems : [.. problems, $"{input.FullName}: no such file."])
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return 2;
        }

        var cohorts = new CohortAggregator(asOf ?? DateOnly.MaxValue);
        IngestReport report;
        var stream = input.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            report = await new ExportProcessor(context).ProcessAsync(
                stream,
                inputOptions.Source(result, input),
                line =>
                {
                    cohorts.Add(line);
                    return ValueTask.CompletedTask;
                },
                _ => ValueTask.CompletedTask,
                cancellationToken).ConfigureAwait(false);
        }

        IngestReportPrinter.Print(input.Name, report);
        if (report.IsRejected)
        {
            return 1;
        }

        var csv = CohortCsv.Write(cohorts.ToTable());
        if (output is null)
        {
            await Console.Out.WriteAsync(csv).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(output.FullName, csv, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"wrote {csv.Count(c => c == '\n') - 1} cohort-months to {output.FullName}");
        }

        return 0;
    }
}
