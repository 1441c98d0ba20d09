using System.Globalization;
using Segments.Core.Btyd;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>
/// Reads the input of <c>segments fit</c>: a BTYD summary, a shop export the product already knows (UCI Online
/// Retail, generic orders: cancellations are not purchases), or any purchase log. Row problems go to standard error;
/// they do not stop the fit.
/// </summary>
public static class FitInputLoader
{
    /// <summary>The customers, or the reason the file was refused.</summary>
    public static async Task<(FitInput? Input, string? Rejection)> LoadAsync(FitArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.IsSummary)
        {
            using var text = new StreamReader(arguments.Input.FullName);
            var file = await SummaryFileReader.ReadAsync(text, cancellationToken).ConfigureAwait(false);
            if (file.Rejection is not null)
            {
                return (null, file.Rejection);
            }

            await ReportRowsAsync(arguments.Input.Name, file.RowsRead, file.RowsRejected, file.Errors).ConfigureAwait(false);
            return (new FitInput(file.Customers, file.HasSpend), null);
        }

        var builder = new CustomerHistoryBuilder();
        var knownExport = arguments.Columns.UsesDefaultColumns && await TryReadKnownExportAsync(arguments, builder, cancellationToken).ConfigureAwait(false);
        var hasAmounts = knownExport
            ? builder.Purchases > 0 ? true : null
            : await ReadPurchaseLogAsync(arguments, builder, cancellationToken).ConfigureAwait(false);
        if (hasAmounts is not { } spendKnown)
        {
            return (null, "no purchases could be read");
        }

        var data = builder.Build(arguments.CalibrationEnd, arguments.Unit);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"calibration ends {data.CalibrationEnd:yyyy-MM-dd}; {data.Customers.Count} customers; {data.PurchasesAfterCalibration} purchase days after it and {data.CustomersFirstSeenAfterCalibration} customers first seen after it left out")).ConfigureAwait(false);
        return (new FitInput(data.Customers, spendKnown, data.HoldoutLength) { Log = (data, builder.PurchaseDays().ToList()) }, null);
    }

    /// <summary>Reads a UCI or generic export through the ingest profiles; false when the header is not one of them.</summary>
    private static async Task<bool> TryReadKnownExportAsync(FitArguments arguments, CustomerHistoryBuilder builder, CancellationToken cancellationToken)
    {
        var stream = arguments.Input.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            var (reader, _) = await TransactionFileReader.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
            if (reader is null)
            {
                return false;
            }

            await using (reader.ConfigureAwait(false))
            {
                var tally = new RowTally(PurchaseLogReader.ErrorsKept);
                await foreach (var row in reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
                {
                    tally.Count(row);
                    if (row.Status == RowStatus.Accepted && !row.Transaction.IsCancellation)
                    {
                        builder.Add(row.Transaction.CustomerId, row.Transaction.OrderDate, row.Transaction.Amount);
                    }
                }

                await Console.Error.WriteLineAsync($"{arguments.Input.Name}: {reader.Mapping.Name} export").ConfigureAwait(false);
                await ReportRowsAsync(arguments.Input.Name, tally.Read, tally.Rejected, tally.FirstErrors).ConfigureAwait(false);
                return true;
            }
        }
    }

    private static async Task<bool?> ReadPurchaseLogAsync(FitArguments arguments, CustomerHistoryBuilder builder, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(arguments.Input.FullName);
        var report = await PurchaseLogReader.ReadIntoAsync(text, arguments.Columns, builder, cancellationToken).ConfigureAwait(false);
        if (report.Rejection is not null)
        {
            await Console.Error.WriteLineAsync($"{arguments.Input.Name}: rejected: {report.Rejection}").ConfigureAwait(false);
            return null;
        }

        await Console.Error.WriteLineAsync($"{arguments.Input.Name}: purchase log, {report.Layout}").ConfigureAwait(false);
        await ReportRowsAsync(arguments.Input.Name, report.RowsRead, report.RowsRejected, report.FirstErrors).ConfigureAwait(false);
        return builder.Purchases > 0 ? report.HasAmounts : null;
    }

    private static async Task ReportRowsAsync(string fileName, long read, long rejected, IReadOnlyList<RowError> errors)
    {
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rows read {read}, rejected {rejected}")).ConfigureAwait(false);
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync($"{fileName}:{error.Line}: {error.Column} '{error.Value}': {error.Reason}").ConfigureAwait(false);
        }

        if (rejected > errors.Count)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {rejected - errors.Count} more rejected rows")).ConfigureAwait(false);
        }
    }
}
