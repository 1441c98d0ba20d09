using System.CommandLine;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary><c>segments validate</c>: what the blob trigger would make of a file, without storing anything.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new ExportInputOptions();
        var command = new Command("validate", "Check an export as ingestion would; exit code 1 when it would be rejected.");
        input.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (context, problems) = input.Context(result);
            var file = result.GetRequiredValue(input.Input);
            if (context is null || !file.Exists)
            {
                foreach (var problem in context is null ? problems : [$"{file.FullName}: no such file"])
                {
                    await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return 2;
            }

            var stream = file.OpenRead();
            await using (stream.ConfigureAwait(false))
            {
                var report = await new ExportProcessor(context).ProcessAsync(
                    stream,
                    input.Source(result, file),
                    _ => ValueTask.CompletedTask,
                    _ => ValueTask.CompletedTask,
                    cancellationToken).ConfigureAwait(false);
                IngestReportPrinter.Print(file.Name, report);
                Console.WriteLine(report.IsRejected ? "verdict: rejected" : "verdict: accepted");
                return report.IsRejected ? 1 : 0;
            }
        });
        return command;
    }
}
