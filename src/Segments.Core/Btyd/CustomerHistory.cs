using System.Globalization;

namespace Segments.Core.Btyd;

/// <summary>
/// What the BTYD purchase models know of one customer after a calibration period, in the notation of Fader,
/// Hardie &amp; Lee (2005): frequency x, recency t_x and age T, all times measured from the first purchase.
/// </summary>
/// <param name="RepeatPurchases">x: purchases after the first one (purchase days − 1 when built from a log).</param>
/// <param name="LastPurchaseTime">t_x: time of the last purchase since the first; 0 when x = 0.</param>
/// <param name="ObservationTime">T: time from the first purchase to the end of the calibration period.</param>
/// <param name="Weight">How many customers share this history (1 for one customer); the likelihood counts it this often.</param>
public readonly record struct CustomerHistory(int RepeatPurchases, double LastPurchaseTime, double ObservationTime, double Weight = 1)
{
    // t_x may exceed T by rounding when both are printed to two decimals, as in the CDNOW summaries.
    private const double TimeSlack = 1e-9;

    /// <summary>Why this history cannot be used by a model, or null when it can.</summary>
    public string? FindProblem()
    {
        if (RepeatPurchases < 0)
        {
            return Describe($"x = {RepeatPurchases} is negative");
        }

        if (!double.IsFinite(ObservationTime) || ObservationTime < 0)
        {
            return Describe($"T = {ObservationTime} is negative or not a number");
        }

        if (!double.IsFinite(LastPurchaseTime) || LastPurchaseTime < 0)
        {
            return Describe($"t_x = {LastPurchaseTime} is negative or not a number");
        }

        if (LastPurchaseTime > ObservationTime + TimeSlack)
        {
            return Describe($"t_x = {LastPurchaseTime} is after T = {ObservationTime}");
        }

        if (RepeatPurchases == 0 && LastPurchaseTime != 0)
        {
            return Describe($"x = 0 but t_x = {LastPurchaseTime} (must be 0 without repeat purchases)");
        }

        return !double.IsFinite(Weight) || Weight <= 0 ? Describe($"weight {Weight} is not positive") : null;
    }

    private static string Describe(FormattableString problem) => problem.ToString(CultureInfo.InvariantCulture);
}
