using Segments.Core.Btyd;

namespace Segments.Core.Segmentation;

/// <summary>One fitted (or failed) model as a run reports it.</summary>
public sealed record ModelReport(
    string Model,
    bool Converged,
    double? LogLikelihood,
    IReadOnlyDictionary<string, double> Parameters,
    string? Reason,
    double? HoldoutRootMeanSquaredError = null,
    double? HoldoutPredictedPurchases = null,
    double? HoldoutActualPurchases = null)
{
    /// <summary>How the parameters were estimated: <c>MaximumLikelihood</c>, <c>NestedModel</c> (the NBD at the dropout edge) or <c>MaximumAPosteriori</c>.</summary>
    public EstimationMethod Estimation { get; init; } = EstimationMethod.MaximumLikelihood;

    /// <summary>With a fallback estimation: what the maximum-likelihood fit ran into and what was done instead.</summary>
    public string? Fallback { get; init; }

    /// <summary>The report of a fit.</summary>
    public static ModelReport Of<TModel>(ModelFit<TModel> fit)
        where TModel : class, IFittedModel =>
        new(fit.ModelName, fit.Converged, fit.LogLikelihood,
            fit.Model?.Parameters.ToDictionary(p => p.Name, p => p.Value) ?? new Dictionary<string, double>(), fit.Reason)
        {
            Estimation = fit.Estimation,
            Fallback = fit.Fallback,
        };
}

/// <summary>What the predictive models of one run were: every candidate, the choice, and the spend model.</summary>
/// <param name="ChosenModel">The purchase model the predictions come from, or null when none could be used.</param>
/// <param name="Reason">Why no model was chosen, or how the choice was made.</param>
/// <param name="HoldoutWeeks">Length of the holdout period the candidates were compared on.</param>
/// <param name="Candidates">Each candidate fitted on the calibration period, with its holdout error.</param>
/// <param name="PurchaseModel">The chosen model refitted on all data up to the as-of date.</param>
/// <param name="SpendModel">The Gamma-Gamma fit on repeat buyers.</param>
/// <param name="MonthlyDiscountRate">Discount rate of the 12-month CLV.</param>
public sealed record PredictionSummary(
    string? ChosenModel,
    string? Reason,
    double HoldoutWeeks,
    IReadOnlyList<ModelReport> Candidates,
    ModelReport? PurchaseModel,
    ModelReport? SpendModel,
    double MonthlyDiscountRate)
{
    /// <summary>How the chosen model, fitted on the calibration period, predicted the holdout (null without a holdout comparison).</summary>
    public HoldoutAccuracy? Accuracy { get; init; }

    /// <summary>The churn horizon and band thresholds the run used (null for runs recorded before).</summary>
    public ChurnSettings? Churn { get; init; }

    /// <summary>
    /// Customers per segment of the <c>predictive:</c> family (churn risk bands and spend tiers). Setter rather than <c>init</c>: the stores' source-generated reader (Segments.Storage <c>StorageJsonContext</c>) sets every <c>init</c> property, so a run row written before this property existed would read it as null (dotnet/runtime#84484).
    /// </summary>
    public IReadOnlyList<Rfm.SegmentCount> Segments { get; set; } = [];
}
