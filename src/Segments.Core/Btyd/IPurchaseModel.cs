namespace Segments.Core.Btyd;

/// <summary>A fitted model of how often customers buy and when they silently leave ("buy till you die").</summary>
public interface IPurchaseModel : IFittedModel
{
    /// <summary>P(alive | x, t_x, T): the probability that the customer has not left by the end of calibration.</summary>
    double ProbabilityAlive(in CustomerHistory history);

    /// <summary>E[Y(t) | x, t_x, T]: expected purchases in the <paramref name="horizon"/> time units after calibration.</summary>
    double ExpectedPurchases(in CustomerHistory history, double horizon);
}
