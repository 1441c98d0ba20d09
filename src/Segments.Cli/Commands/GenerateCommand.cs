using System.CommandLine;
using System.Text;
using Segments.Core.Synthetic;

namespace Segments.Cli.Commands;

/// <summary><c>segments generate</c>: a synthetic export in the UCI Online Retail layout, for load tests and benchmarks.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var rows = new Option<long?>("--rows") { Description = "Number of data rows to write." };
        var megabytes = new Option<double?>("--megabytes") { Description = "Size to reach, in MiB (1,048,576 bytes); the last row is written whole." };
        var output = new Option<FileInfo>("--out") { Description = "File to write (overwritten).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed and size give the same file.", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a synthetic export in the UCI Online Retail layout.") { rows, megabytes, output, seed };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(rows) is null) == (result.GetValue(megabytes) is null))
            {
                result.AddError("Give exactly one of --rows and --megabytes.");
            }
            else if (result.GetValue(rows) is < 1 || result.GetValue(megabytes) is <= 0)
            {
                result.AddError("--rows and --megabytes must be positive.");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            var file = result.GetRequiredValue(output);
            var maxRows = result.GetValue(rows) ?? long.MaxValue;
            var maxBytes = result.GetValue(megabytes) is { } mib ? (long)(mib * 1024 * 1024) : long.MaxValue;
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            RetailExportSummary summary;
            using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20))
            {
                summary = RetailExportGenerator.Write(writer, maxRows, maxBytes, result.GetValue(seed), cancellationToken);
            }

            Console.WriteLine(
                $"wrote {file.FullName}: {summary.Bytes:N0} bytes, {summary.Rows:N0} rows, {summary.Invoices:N0} invoices "
                + $"({summary.Cancellations:N0} cancellations), {summary.RowsWithoutCustomer:N0} rows without CustomerID, in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            return Task.FromResult(0);
        });
        return command;
    }
}
