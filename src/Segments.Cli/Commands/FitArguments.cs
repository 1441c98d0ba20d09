using Segments.Core.Btyd;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>The validated arguments of <c>segments fit</c>.</summary>
/// <param name="Model">bgnbd, mbgnbd, paretonbd, gammagamma, or auto (choose a purchase model on the holdout).</param>
/// <param name="Input">The input file.</param>
/// <param name="IsSummary">True when the input is an id,x,t_x,T[,zbar] summary rather than a purchase log.</param>
/// <param name="Columns">Where the customer, date and amount are in a purchase log.</param>
/// <param name="CalibrationEnd">Last day of the calibration period; null: the latest purchase date.</param>
/// <param name="Unit">Time unit of t_x, T and the horizon.</param>
/// <param name="Horizon">Forecast horizon for expected purchases, in <paramref name="Unit"/>s.</param>
/// <param name="Output">Where to write per-customer predictions, or null.</param>
public sealed record FitArguments(
    string Model,
    FileInfo Input,
    bool IsSummary,
    PurchaseLogOptions Columns,
    DateOnly? CalibrationEnd,
    TimeUnit Unit,
    double Horizon,
    FileInfo? Output)
{
    /// <summary>The models the command fits.</summary>
    public static IReadOnlyList<string> Models { get; } = ["bgnbd", "mbgnbd", "paretonbd", "gammagamma", SelectionModel];

    /// <summary>The model name that asks for the holdout comparison of the three purchase models.</summary>
    public const string SelectionModel = "auto";

    /// <summary>True for the spend model, false for the purchase models.</summary>
    public bool IsSpendModel => Model == GammaGammaFitter.ModelName;

    /// <summary>True when the purchase model is to be chosen on the holdout.</summary>
    public bool IsSelection => Model == SelectionModel;

    /// <summary>The likelihood of the purchase model named by <see cref="Model"/>.</summary>
    public IPurchaseLikelihood PurchaseLikelihood => Model switch
    {
        "bgnbd" => new BgNbdLikelihood(),
        "mbgnbd" => new MbgNbdLikelihood(),
        "paretonbd" => new ParetoNbdLikelihood(),
        _ => throw new InvalidOperationException($"{Model} is not a purchase model"),
    };
}
