using System.CommandLine;
using System.Text;
using Segments.Core.Synthetic;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments generate</c>: a synthetic export in the UCI Online Retail layout, or with <c>--events</c> a synthetic
/// events file of Segment messages, or with <c>--customers</c> an export of that many customers over a date range (one
/// file or one batch per day, see <see cref="GenerateCustomersAction"/>), for load tests and benchmarks.
/// </summary>
public static class GenerateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var rows = new Option<long?>("--rows") { Description = "Number of data rows to write." };
        var megabytes = new Option<double?>("--megabytes") { Description = "Size to reach, in MiB (1,048,576 bytes); the last row is written whole." };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (overwritten)." };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed and size give the same file.", DefaultValueFactory = _ => 1 };
        var events = new Option<bool>("--events") { Description = "Write behaviour events (Segment messages, JSON Lines) instead of an order export; --rows counts lines." };
        var firstDay = new Option<string>("--first-day") { Description = "With --events: the first UTC day of the events (yyyy-MM-dd).", DefaultValueFactory = _ => "2024-01-01" };
        var days = new Option<int>("--days") { Description = "With --events: the UTC days the visits spread over.", DefaultValueFactory = _ => 90 };
        var scale = new GenerateCustomersOptions();
        var command = new Command("generate", "Write a synthetic export in the UCI Online Retail layout, behaviour events with --events, or N customers over a date range with --customers.") { rows, megabytes, output, seed, events, firstDay, days };
        scale.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(scale.Customers) is not null)
            {
                foreach (var problem in scale.Problems(result, result.GetValue(output), result.GetValue(rows) is not null || result.GetValue(megabytes) is not null || result.GetValue(events)))
                {
                    result.AddError(problem);
                }
            }
            else if (scale.Given(result) is { } scaleOption)
            {
                result.AddError($"{scaleOption} goes with --customers.");
            }
            else if (result.GetValue(output) is null)
            {
                result.AddError("Give --out.");
            }
            else if ((result.GetValue(rows) is null) == (result.GetValue(megabytes) is null))
            {
                result.AddError("Give exactly one of --rows and --megabytes.");
            }
            else if (result.GetValue(rows) is < 1 || result.GetValue(megabytes) is <= 0)
            {
                result.AddError("--rows and --megabytes must be positive.");
            }
            else if (result.GetResult(days) is { Implicit: false } && result.GetValue(days) < 1)
            {
                result.AddError("--days must be positive.");
            }
            else if (result.GetResult(firstDay) is { Implicit: false } && AsOfArgument.Parse(result.GetValue(firstDay)).Problem is not null)
            {
                result.AddError($"--first-day '{result.GetValue(firstDay)}' is not a date in the form yyyy-MM-dd.");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            if (result.GetValue(scale.Customers) is not null)
            {
                return Task.FromResult(GenerateCustomersAction.Run(scale.Settings(result, result.GetValue(seed)), result.GetValue(output), result.GetValue(scale.DailyBatches), cancellationToken));
            }

            var file = result.GetValue(output)!;
            var maxRows = result.GetValue(rows) ?? long.MaxValue;
            var maxBytes = result.GetValue(megabytes) is { } mib ? (long)(mib * 1024 * 1024) : long.MaxValue;
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            if (result.GetValue(events))
            {
                var first = AsOfArgument.Parse(result.GetValue(firstDay)).AsOf!.Value;
                BehaviourEventSummary written;
                using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20))
                {
                    written = BehaviourEventGenerator.Write(writer, maxRows, maxBytes, first, result.GetValue(days), result.GetValue(seed), cancellationToken);
                }

                Console.WriteLine(
                    $"wrote {file.FullName}: {written.Bytes:N0} bytes, {written.Lines:N0} lines over {result.GetValue(days)} days from {first:yyyy-MM-dd} "
                    + $"(as of {first.AddDays(result.GetValue(days)):yyyy-MM-dd} every day counts): {written.Sessions:N0} visits, {written.PageViews:N0} page calls, "
                    + $"{written.ProductViews:N0} Product Viewed, {written.ProductAdds:N0} Product Added, {written.CheckoutsStarted:N0} Checkout Started, "
                    + $"{written.OrdersCompleted:N0} Order Completed, {written.Identifies:N0} identify, {written.AnonymousLines:N0} anonymous lines, "
                    + $"{written.RedeliveredLines:N0} re-delivered, in {stopwatch.Elapsed.TotalSeconds:0.0} s");
                return Task.FromResult(0);
            }

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
