namespace Segments.Pipeline.Recompute;

/// <summary>
/// The first and latest order date of everything a run read (orders after the as-of date included), or of what
/// the Batches ledger records of it (<see cref="RecordedOrderDates"/>), to refuse an as-of date the data cannot
/// describe: before the first order every customer is unknown, and long after the latest every customer looks lost.
/// </summary>
public sealed class OrderDateSpan
{
    /// <summary>The earliest order date read, or null when nothing was read.</summary>
    public DateOnly? First { get; private set; }

    /// <summary>The latest order date read, or null when nothing was read.</summary>
    public DateOnly? Latest { get; private set; }

    /// <summary>Widens the span to <paramref name="orderDate"/>.</summary>
    public void Add(DateOnly orderDate)
    {
        if (First is null || orderDate < First)
        {
            First = orderDate;
        }

        if (Latest is null || orderDate > Latest)
        {
            Latest = orderDate;
        }
    }

    /// <summary>
    /// Throws <see cref="RunRefusedException"/> when <paramref name="asOf"/> is before the first order or more
    /// than <paramref name="maxDaysAfterLatest"/> days after the latest; nothing to check without orders.
    /// </summary>
    public void Check(DateOnly asOf, int maxDaysAfterLatest)
    {
        if (Problem(asOf, maxDaysAfterLatest) is { } problem)
        {
            throw new RunRefusedException(problem);
        }
    }

    /// <summary>
    /// Why <paramref name="asOf"/> is outside what the data can describe (before the first order, or more than
    /// <paramref name="maxDaysAfterLatest"/> days after the latest), with the dates; null when it is inside or
    /// there are no orders. The one wording of a failed run's error and of a refused run request.
    /// </summary>
    public string? Problem(DateOnly asOf, int maxDaysAfterLatest)
    {
        if (First is not { } first || Latest is not { } latest)
        {
            return null;
        }

        if (asOf < first)
        {
            return $"as-of {asOf:yyyy-MM-dd} is before the first order ({first:yyyy-MM-dd}); the data runs from {first:yyyy-MM-dd} to {latest:yyyy-MM-dd}";
        }

        var daysAfter = asOf.DayNumber - latest.DayNumber;
        return daysAfter > maxDaysAfterLatest
            ? $"as-of {asOf:yyyy-MM-dd} is {daysAfter} days after the latest order ({latest:yyyy-MM-dd}); at most {maxDaysAfterLatest} days are allowed (setting Segments:MaxAsOfDaysAfterLatestOrder); the data runs from {first:yyyy-MM-dd} to {latest:yyyy-MM-dd}"
            : null;
    }
}
