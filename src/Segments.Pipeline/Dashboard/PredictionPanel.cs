namespace Segments.Pipeline.Dashboard;

/// <summary>What the active run says about its predictions' accuracy, and its cohort retention.</summary>
/// <param name="Accuracy">The holdout check of the chosen model; null when the run made none.</param>
/// <param name="Cohorts">The plain cohort table; null for runs from before cohorts.</param>
public sealed record PredictionPanel(Core.Btyd.HoldoutAccuracy? Accuracy, Core.Cohorts.CohortTable? Cohorts);
