namespace Segments.Core.Btyd;

/// <summary>The shape of a simulated customer base: when customers arrive and how long they are watched.</summary>
/// <param name="Customers">Customers to simulate.</param>
/// <param name="CohortDays">First purchases fall uniformly on days 0 … CohortDays − 1 (CDNOW: a 12-week cohort, 84 days).</param>
/// <param name="CalibrationDays">The calibration period ends at the end of this day (CDNOW: 273, i.e. 39 weeks).</param>
/// <param name="Unit">Time unit of the histories produced.</param>
public sealed record SimulationDesign(int Customers, int CohortDays = 84, int CalibrationDays = 273, TimeUnit Unit = TimeUnit.Week);
