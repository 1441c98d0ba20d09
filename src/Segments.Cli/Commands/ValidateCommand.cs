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
        input.Input.Required = false;
        var events = new Option<FileInfo[]>("--events") { Description = "An events file (JSON Lines: Segment messages or GA4 export rows, plain or gzip) to check as the events container would; repeatable.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("validate", "Check an export or events file as ingestion would; exit code 1 when one would be rejected.") { events };
        input.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(input.Input) is null && (result.GetValue(events) ?? []).Length == 0)
            {
                result.AddError("Give --input, --events, or both.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(input.Input);
            var eventFiles = result.GetValue(events) ?? [];
            var (context, problems) = input.Context(result);
            var missing = eventFiles.Append(file).OfType<FileInfo>().Where(f => !f.Exists).Select(f => $"{f.FullName}: no such file");
            problems = [.. problems, .. missing];
            if (context is null || problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return 2;
            }

            var rejected = false;
            if (file is not null)
            {
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
                    rejected = report.IsRejected;
                }
            }

            foreach (var eventFile in eventFiles)
            {
                var report = await EventFilesReader.ReadAsync(eventFile, context.Options, keep: null, cancellationToken).ConfigureAwait(false);
                EventFileReportPrinter.Print(report);
                rejected |= report.IsRejected;
            }

            Console.WriteLine(rejected ? "verdict: rejected" : "verdict: accepted");
            return rejected ? 1 : 0;
        });
        return command;
    }
}
