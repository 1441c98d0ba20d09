namespace Segments.Core.Btyd;

/// <summary>The holdout comparison of the candidate purchase models and the one chosen.</summary>
/// <param name="Candidates">Every candidate's fit and holdout score, in the order given.</param>
/// <param name="Chosen">The candidate with the lowest holdout RMSE among converged fits; null when none converged or there is no holdout.</param>
/// <param name="HoldoutLength">Holdout length in the calibration's time unit.</param>
/// <param name="Reason">Why nothing was chosen, or null.</param>
public sealed record ModelSelection(IReadOnlyList<HoldoutScore> Candidates, HoldoutScore? Chosen, double HoldoutLength, string? Reason);
