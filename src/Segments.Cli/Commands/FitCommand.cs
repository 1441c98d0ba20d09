using System.CommandLine;
using System.Globalization;
using Segments.Core.Btyd;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments fit</c>: fit a BTYD purchase model (BG/NBD, MBG/NBD, Pareto/NBD) or the Gamma-Gamma spend model to
/// a purchase log or a per-customer summary, print the estimates as one JSON object, and optionally write
/// per-customer predictions. Exit code 0 when the fit converged, 1 when the input was refused or the fit failed
/// (the JSON then carries the reason), 2 for bad arguments.
/// </summary>
public static class FitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var model = new Option<string>("--model")
        {
            Description = "bgnbd, mbgnbd, paretonbd, gammagamma, or auto: fit the three purchase models and choose by holdout error (needs a log and --calibration-end).",
            Required = true,
        };
        var input = new Option<FileInfo>("--input") { Description = "Purchase log (any delimited text) or, with --summary, an id,x,t_x,T[,zbar] file.", Required = true };
        var summary = new Option<bool>("--summary") { Description = "The input is a per-customer summary id,x,t_x,T[,zbar], as the CDNOW summaries." };
        var customer = new Option<string?>("--customer-col") { Description = "Customer column: header name or 1-based position." };
        var date = new Option<string?>("--date-col") { Description = "Date column: header name or 1-based position." };
        var amount = new Option<string?>("--amount-col") { Description = "Amount column: header name or 1-based position." };
        var dateFormat = new Option<string?>("--date-format") { Description = "Exact date format, e.g. yyyyMMdd; default: yyyyMMdd for 8 digits, else ISO or M/d/yyyy." };
        var calibrationEnd = new Option<string?>("--calibration-end") { Description = "Last calibration day, yyyy-MM-dd; later purchases are left out. Default: the latest purchase date." };
        var timeUnit = new Option<string>("--time-unit") { Description = "day or week (default).", DefaultValueFactory = _ => "week" };
        var horizon = new Option<double?>("--horizon") { Description = "Forecast horizon for expected purchases, in time units; default: one year (52 weeks or 365 days)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write per-customer predictions to this CSV file." };
        var command = new Command("fit", "Fit a customer-base model and print its estimates as JSON.")
        {
            model, input, summary, customer, date, amount, dateFormat, calibrationEnd, timeUnit, horizon, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (arguments, problem) = Validate(
                result.GetRequiredValue(model), result.GetRequiredValue(input), result.GetValue(summary),
                new PurchaseLogOptions(result.GetValue(customer), result.GetValue(date), result.GetValue(amount), result.GetValue(dateFormat)),
                result.GetValue(calibrationEnd), result.GetRequiredValue(timeUnit), result.GetValue(horizon), result.GetValue(output));
            if (arguments is null)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static (FitArguments? Arguments, string? Problem) Validate(
        string model, FileInfo input, bool summary, PurchaseLogOptions columns, string? calibrationEndText, string timeUnitText, double? horizon, FileInfo? output)
    {
        model = model.Trim().ToLowerInvariant();
        if (!FitArguments.Models.Contains(model))
        {
            return (null, $"--model '{model}' is not one of {string.Join(", ", FitArguments.Models)}.");
        }

        if (!input.Exists)
        {
            return (null, $"{input.FullName}: no such file.");
        }

        if (summary && (!columns.UsesDefaultColumns || columns.DateFormat is not null || calibrationEndText is not null))
        {
            return (null, "--summary files are already summarised: --customer-col, --date-col, --amount-col, --date-format and --calibration-end do not apply.");
        }

        if (model == FitArguments.SelectionModel && (summary || calibrationEndText is null))
        {
            return (null, "--model auto compares forecasts with a holdout period: give a purchase log (not --summary) and a --calibration-end before its last purchase.");
        }

        DateOnly? calibrationEnd = null;
        if (calibrationEndText is not null)
        {
            if (!DateOnly.TryParseExact(calibrationEndText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, $"--calibration-end '{calibrationEndText}' is not a date in the form yyyy-MM-dd.");
            }

            calibrationEnd = parsed;
        }

        if (!TimeUnits.TryParse(timeUnitText, out var unit))
        {
            return (null, $"--time-unit '{timeUnitText}' is not day or week.");
        }

        var maxHorizon = unit == TimeUnit.Day ? Core.Segmentation.PredictionOptions.MaxChurnHorizonDays : Core.Segmentation.PredictionOptions.MaxChurnHorizonDays / 7.0;
        if (horizon is { } h && !(h > 0 && h <= maxHorizon))
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"--horizon must be a positive number of time units, at most {maxHorizon:0.#} (ten years); got {h}."));
        }

        var defaultHorizon = unit == TimeUnit.Day ? 365 : 52;
        return (new FitArguments(model, input, summary, columns, calibrationEnd, unit, horizon ?? defaultHorizon, output), null);
    }

    private static async Task<int> RunAsync(FitArguments arguments, CancellationToken cancellationToken)
    {
        var (input, rejection) = await FitInputLoader.LoadAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            await Console.Error.WriteLineAsync($"{arguments.Input.Name}: rejected: {rejection}").ConfigureAwait(false);
            return 1;
        }

        if (arguments.IsSelection)
        {
            return await SelectAsync(arguments, input, cancellationToken).ConfigureAwait(false);
        }

        return arguments.IsSpendModel
            ? await FitSpendAsync(arguments, input, cancellationToken).ConfigureAwait(false)
            : await FitPurchasesAsync(arguments, input, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> SelectAsync(FitArguments arguments, FitInput input, CancellationToken cancellationToken)
    {
        var selection = PurchaseModelSelector.Select(input.Customers, input.HoldoutLength);
        Console.WriteLine(FitReportWriter.ToJson(selection, arguments.Unit));
        if (selection.Chosen?.Fit.Model is not { } model)
        {
            return 1;
        }

        PrintHoldoutCheck(model, input);

        if (arguments.Output is { } output)
        {
            await FitReportWriter.WritePurchasePredictionsAsync(output, input.Customers, model, arguments.Horizon, cancellationToken).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"wrote {input.Customers.Count} customers to {output.FullName} with {model.Name}").ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> FitPurchasesAsync(FitArguments arguments, FitInput input, CancellationToken cancellationToken)
    {
        var fit = PurchaseModelFitter.Fit(arguments.PurchaseLikelihood, input.Customers.Select(c => c.History));
        Console.WriteLine(FitReportWriter.ToJson(fit, arguments.Unit));
        if (fit.Model is null)
        {
            return 1;
        }

        PrintHoldoutCheck(fit.Model, input);

        if (arguments.Output is { } output)
        {
            await FitReportWriter.WritePurchasePredictionsAsync(output, input.Customers, fit.Model, arguments.Horizon, cancellationToken).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {input.Customers.Count} customers to {output.FullName} (expected purchases over {arguments.Horizon} {(arguments.Unit == TimeUnit.Day ? "days" : "weeks")})")).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>With a calibration end before the log's last date: the holdout check, on standard error (standard output stays one JSON object).</summary>
    private static void PrintHoldoutCheck(IPurchaseModel model, FitInput input)
    {
        if (input.Log is ({ } data, { } days) && HoldoutEvaluator.Evaluate(model, data, days) is { } accuracy)
        {
            HoldoutAccuracyPrinter.Print(accuracy, Console.Error);
        }
    }

    private static async Task<int> FitSpendAsync(FitArguments arguments, FitInput input, CancellationToken cancellationToken)
    {
        if (!input.HasSpend)
        {
            await Console.Error.WriteLineAsync($"{arguments.Input.Name}: gammagamma needs spend: a zbar column (--summary) or an amount column (--amount-col).").ConfigureAwait(false);
            return 1;
        }

        var fit = GammaGammaFitter.Fit(input.Customers.Select(c => new SpendHistory(c.History.RepeatPurchases, c.AverageRepeatSpend)));
        Console.WriteLine(FitReportWriter.ToJson(fit, arguments.Unit));
        if (fit.Model is null)
        {
            return 1;
        }

        if (arguments.Output is { } output)
        {
            await FitReportWriter.WriteSpendPredictionsAsync(output, input.Customers, fit.Model, cancellationToken).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"wrote {input.Customers.Count} customers to {output.FullName}").ConfigureAwait(false);
        }

        return 0;
    }
}
