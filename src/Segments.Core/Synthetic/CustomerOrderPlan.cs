using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// Who orders on which day: every customer's id, country and order days, indexed by day (a counting sort), so that a
/// generator can write day after day while holding four bytes per customer invoice and five per customer, never rows.
/// </summary>
/// <remarks>
/// A customer's activity is log-normal (as in the UCI generator); their invoice count is one plus a Poisson draw whose
/// mean follows the activity, so that the average is the asked orders per customer and a good share buy once. The
/// first order falls anywhere in the range up to the last day of arrivals (by default the range's end: customers keep
/// arriving); the rest fall after it within an exponential
/// lifespan (mean 18 months), so recency and frequency vary as in a real customer base. Days follow the
/// <see cref="TradingCalendar"/>.
/// </remarks>
internal sealed class CustomerOrderPlan
{
    /// <summary>The most invoices one customer gets.</summary>
    public const int MaxInvoicesPerCustomer = 1_000;

    private const double ActivityMedian = 1;
    private const double ActivitySigma = 1.2;
    private const double MeanLifespanDays = 548;

    // Mean of the log-normal activity: median · e^(σ²/2).
    private static readonly double MeanActivity = ActivityMedian * Math.Exp(ActivitySigma * ActivitySigma / 2);

    private readonly ulong _seed;
    private readonly TradingCalendar _calendar;
    private readonly double _extraInvoices;
    private readonly int _lastArrival;

    private CustomerOrderPlan(ulong seed, TradingCalendar calendar, double ordersPerCustomer, int lastArrival, int customers)
    {
        _lastArrival = Math.Clamp(lastArrival, 0, calendar.Days - 1);
        _seed = seed;
        _calendar = calendar;
        _extraInvoices = ordersPerCustomer - 1;
        Ids = new int[customers];
        CountryIndices = new byte[customers];
        DayStarts = new int[calendar.Days + 1];
        Invoices = [];
    }

    /// <summary>Per customer index, the CustomerID.</summary>
    public int[] Ids { get; }

    /// <summary>Per customer index, the index of the country in <see cref="RetailShapes.Countries"/>.</summary>
    public byte[] CountryIndices { get; }

    /// <summary>Where day d's invoices start in <see cref="Invoices"/>; day d ends where day d + 1 starts.</summary>
    public int[] DayStarts { get; }

    /// <summary>Per customer invoice, day by day: the customer index, or its complement (<c>~c</c>) for the customer's first order.</summary>
    public int[] Invoices { get; private set; }

    /// <summary>
    /// Draws the customers: ids (the UCI file's numbering, with gaps) and countries in sequence from
    /// <paramref name="population"/>, each customer's order days from their own stream; no first order falls after
    /// day <paramref name="lastArrival"/> (an index into <paramref name="calendar"/>).
    /// </summary>
    public static CustomerOrderPlan Draw(ulong seed, SplitMix64 population, TradingCalendar calendar, int customers, double ordersPerCustomer, int lastArrival, CancellationToken cancellationToken)
    {
        var plan = new CustomerOrderPlan(seed, calendar, ordersPerCustomer, lastArrival, customers);
        var countryChoice = new WeightedChoice(RetailShapes.Countries.Select(c => c.Weight).ToArray());
        var id = RetailShapes.FirstCustomer - 1;
        for (var c = 0; c < customers; c++)
        {
            id += 1 + (population.NextDouble() < 0.3 ? population.Next(3) : 0);
            plan.Ids[c] = id;
            plan.CountryIndices[c] = (byte)countryChoice.Next(population);
        }

        // Two passes over the same streams: count the invoices per day, then place them.
        var days = new int[MaxInvoicesPerCustomer];
        var counts = new long[calendar.Days];
        for (var c = 0; c < customers; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invoices = plan.DrawDays(c, days);
            for (var k = 0; k < invoices; k++)
            {
                counts[days[k]]++;
            }
        }

        var total = counts.Sum();
        if (total > Array.MaxLength)
        {
            throw new ArgumentException($"{total:N0} customer invoices are more than one generator run holds; ask for fewer customers or orders per customer.", nameof(customers));
        }

        for (var d = 0; d < calendar.Days; d++)
        {
            plan.DayStarts[d + 1] = plan.DayStarts[d] + (int)counts[d];
        }

        plan.Invoices = new int[total];
        var next = plan.DayStarts[..^1];
        for (var c = 0; c < customers; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invoices = plan.DrawDays(c, days);
            for (var k = 0; k < invoices; k++)
            {
                plan.Invoices[next[days[k]]++] = k == 0 ? ~c : c;
            }
        }

        return plan;
    }

    /// <summary>Customer <paramref name="customer"/>'s order days into <paramref name="days"/>, the first order first; returns how many.</summary>
    private int DrawDays(int customer, int[] days)
    {
        var random = SeedStreams.For(_seed, SeedStreams.Customer, customer);
        var activity = random.NextLogNormal(ActivityMedian, ActivitySigma);
        var invoices = 1 + Math.Min(days.Length - 1, Poisson(random, _extraInvoices * activity / MeanActivity));
        var last = _calendar.Days - 1;
        var first = _calendar.Draw(random, 0, _lastArrival);
        var lifespan = -Math.Log(1 - random.NextDouble()) * MeanLifespanDays;
        var end = (int)Math.Min(last, first + lifespan);
        days[0] = first;
        for (var k = 1; k < invoices; k++)
        {
            days[k] = _calendar.Draw(random, first, end);
        }

        return invoices;
    }

    /// <summary>A Poisson draw: Knuth's product of uniforms below 30, a rounded normal above.</summary>
    internal static int Poisson(SplitMix64 random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean >= 30)
        {
            return (int)Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * random.NextGaussian())));
        }

        var limit = Math.Exp(-mean);
        var count = -1;
        for (var product = 1.0; product > limit; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }
}
