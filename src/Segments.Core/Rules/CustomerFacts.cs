using Segments.Core.Events;

namespace Segments.Core.Rules;

/// <summary>
/// The standard attributes of one customer as plain typed values, for the recompute pipeline to fill from
/// RFM, lifecycle, the BTYD models and clustering. Leave a property null when it is not known.
/// </summary>
/// <param name="CustomerId">Normalised customer id.</param>
public sealed record CustomerFacts(string CustomerId)
{
    /// <summary>Country of the latest order line that had one.</summary>
    public string? Country { get; init; }

    /// <summary>Date of the first non-cancelled order.</summary>
    public DateOnly? FirstOrderDate { get; init; }

    /// <summary>Date of the latest non-cancelled order.</summary>
    public DateOnly? LastOrderDate { get; init; }

    /// <summary>Distinct non-cancelled orders (the RFM frequency).</summary>
    public int? Orders { get; init; }

    /// <summary>Net revenue (the RFM monetary value).</summary>
    public decimal? Revenue { get; init; }

    /// <summary>Products bought.</summary>
    public IReadOnlyList<string>? Products { get; init; }

    /// <summary>
    /// Product catalog attributes of the products bought, by attribute name (<c>product_categories</c>,
    /// <c>product_vendors</c>, <c>product_X</c>); null without a catalog.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ProductAttributes { get; init; }

    /// <summary>RFM recency score 1–5.</summary>
    public int? RfmR { get; init; }

    /// <summary>RFM frequency score 1–5.</summary>
    public int? RfmF { get; init; }

    /// <summary>RFM monetary score 1–5.</summary>
    public int? RfmM { get; init; }

    /// <summary>RFM code, e.g. <c>545</c>.</summary>
    public string? RfmCode { get; init; }

    /// <summary>Named RFM segment.</summary>
    public string? RfmSegment { get; init; }

    /// <summary>Lifecycle stage display name (see <see cref="Lifecycle.LifecycleStageNames"/>).</summary>
    public string? LifecycleStage { get; init; }

    /// <summary>Probability the customer is still active, 0–1.</summary>
    public double? PAlive { get; init; }

    /// <summary>Predicted customer lifetime value.</summary>
    public double? Clv { get; init; }

    /// <summary>Behavioural cluster number.</summary>
    public int? Cluster { get; init; }

    /// <summary>Days from the latest order to the run's date.</summary>
    public int? RecencyDays { get; init; }

    /// <summary>The run's date, for the attributes counted up to it (tenure).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The customer's newest profile record, as of the run's date; null when no customer export names the customer.</summary>
    public Profiles.CustomerProfileFields? Profile { get; init; }

    /// <summary>
    /// The customer's events before the run's date with their behaviour segments
    /// (<see cref="Events.CustomerEventHistories.Build"/>); null when the customer has none: event counts are then
    /// zero, the behaviour flags false, <c>last_seen</c> unknown.
    /// </summary>
    public Events.CustomerEventHistory? Events { get; init; }

    /// <summary>
    /// Days from the start of the relationship (the earlier of the signup date and the first order) to
    /// <see cref="AsOf"/>; unknown without the run's date or either start.
    /// </summary>
    public int? TenureDays
    {
        get
        {
            DateOnly? start = (Profile?.SignupDate, FirstOrderDate) switch
            {
                ({ } signup, { } first) => signup < first ? signup : first,
                (var signup, var first) => signup ?? first,
            };
            return AsOf is { } day && start is { } from ? day.DayNumber - from.DayNumber : null;
        }
    }

    /// <summary>Revenue per order; unknown without both, or without an order.</summary>
    public decimal? AverageOrderValue => Revenue is { } revenue && Orders is > 0 and var orders ? revenue / orders : null;

    /// <summary><c>new</c> for a customer with one order, <c>returning</c> with more; unknown without orders.</summary>
    public string? CustomerType => Orders switch
    {
        null or < 1 => null,
        1 => "new",
        _ => "returning",
    };

    /// <summary>The profile rule queries evaluate: every known value under its standard attribute name.</summary>
    public CustomerProfile ToProfile()
    {
        var values = new Dictionary<string, AttributeValue>(StringComparer.OrdinalIgnoreCase);
        Put(values, StandardAttributes.Country, Country is { Length: > 0 } country ? AttributeValue.Of(country) : null);
        Put(values, StandardAttributes.FirstOrderDate, FirstOrderDate is { } first ? AttributeValue.Of(first) : null);
        Put(values, StandardAttributes.LastOrderDate, LastOrderDate is { } last ? AttributeValue.Of(last) : null);
        Put(values, StandardAttributes.Orders, Orders is { } orders ? AttributeValue.Of(orders) : null);
        Put(values, StandardAttributes.Revenue, Revenue is { } revenue ? AttributeValue.Of(revenue) : null);
        Put(values, StandardAttributes.AverageOrderValue, AverageOrderValue is { } aov ? AttributeValue.Of(aov) : null);
        Put(values, StandardAttributes.Products, Products is { } products ? AttributeValue.Of(products) : null);
        foreach (var (name, items) in ProductAttributes ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            Put(values, name, AttributeValue.Of(items));
        }

        Put(values, StandardAttributes.RfmR, RfmR is { } r ? AttributeValue.Of(r) : null);
        Put(values, StandardAttributes.RfmF, RfmF is { } f ? AttributeValue.Of(f) : null);
        Put(values, StandardAttributes.RfmM, RfmM is { } m ? AttributeValue.Of(m) : null);
        Put(values, StandardAttributes.RfmCode, RfmCode is { } code ? AttributeValue.Of(code) : null);
        Put(values, StandardAttributes.RfmSegment, RfmSegment is { } segment ? AttributeValue.Of(segment) : null);
        Put(values, StandardAttributes.LifecycleStage, LifecycleStage is { } stage ? AttributeValue.Of(stage) : null);
        Put(values, StandardAttributes.PAlive, Finite(PAlive));
        Put(values, StandardAttributes.Clv, Finite(Clv));
        Put(values, StandardAttributes.Cluster, Cluster is { } cluster ? AttributeValue.Of(cluster) : null);
        Put(values, StandardAttributes.CustomerType, CustomerType is { } type ? AttributeValue.Of(type) : null);
        Put(values, StandardAttributes.NewVsReturning, CustomerType is { } kind ? AttributeValue.Of(kind) : null);
        Put(values, StandardAttributes.RecencyDays, RecencyDays is { } recency ? AttributeValue.Of(recency) : null);
        Put(values, StandardAttributes.TenureDays, TenureDays is { } tenure ? AttributeValue.Of(tenure) : null);
        Put(values, StandardAttributes.HasProfile, AttributeValue.Of(Profile is not null));
        if (Profile is { } p)
        {
            Put(values, StandardAttributes.SignupDate, p.SignupDate is { } signup ? AttributeValue.Of(signup) : null);
            Put(values, StandardAttributes.BirthYear, p.BirthYear is { } year ? AttributeValue.Of(year) : null);
            Put(values, StandardAttributes.AgeBand, Text(p.AgeBand));
            Put(values, StandardAttributes.Gender, Text(p.Gender));
            Put(values, StandardAttributes.City, Text(p.City));
            Put(values, StandardAttributes.Region, Text(p.Region));
            Put(values, StandardAttributes.ProfileCountry, Text(p.Country));
            Put(values, StandardAttributes.AcquisitionChannel, Text(p.AcquisitionChannel));
            Put(values, StandardAttributes.ConsentEmail, p.ConsentEmail is { } email ? AttributeValue.Of(email) : null);
            Put(values, StandardAttributes.ConsentEmailAt, Day(p.ConsentEmailAt));
            Put(values, StandardAttributes.ConsentSms, p.ConsentSms is { } sms ? AttributeValue.Of(sms) : null);
            Put(values, StandardAttributes.ConsentSmsAt, Day(p.ConsentSmsAt));
            Put(values, StandardAttributes.Tags, AttributeValue.Of(p.Tags));
            Put(values, StandardAttributes.ProfileUpdatedAt, Day(p.UpdatedAt));
        }

        PutBehaviour(values);
        return new CustomerProfile(CustomerId, values) { Events = Events };
    }

    private void PutBehaviour(Dictionary<string, AttributeValue> values)
    {
        var cart = Events?.AbandonedCart;
        if (Events?.LastSeen is { } seen)
        {
            var day = DateOnly.FromDateTime(seen.UtcDateTime);
            Put(values, StandardAttributes.LastSeen, AttributeValue.Of(day));
            Put(values, StandardAttributes.DaysSinceLastSeen, AsOf is { } asOf ? AttributeValue.Of(asOf.DayNumber - day.DayNumber) : null);
        }

        Put(values, StandardAttributes.AbandonedCartValue, AttributeValue.Of(cart?.Value ?? 0m));
        Put(values, StandardAttributes.AbandonedCartItems, AttributeValue.Of(cart?.Items ?? 0));
        Put(values, StandardAttributes.AbandonedCartProducts, AttributeValue.Of(cart?.ProductIds ?? []));
        Put(values, StandardAttributes.CartAbandoner, AttributeValue.Of(Events?.IsIn(BehaviourSegment.CartAbandoners) == true));
        Put(values, StandardAttributes.BrowseAbandoner, AttributeValue.Of(Events?.IsIn(BehaviourSegment.BrowseAbandoners) == true));
        Put(values, StandardAttributes.Prospect, AttributeValue.Of(Events?.IsIn(BehaviourSegment.Prospects) == true));
        Put(values, StandardAttributes.BehaviourSegments, AttributeValue.Of(
            Events?.Memberships.Select(m => BehaviourSegmentNames.Name(m.Segment)).ToList() ?? []));
    }

    // A model can emit NaN or infinity (a fit that did not converge); converting those to decimal throws,
    // and they mean "no estimate" anyway, so they become absent. The bound sits a factor 10 inside decimal's
    // range (±7.9e28) so that rounding in the conversion cannot overflow.
    private static AttributeValue? Finite(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 7.9e27 ? AttributeValue.Of((decimal)v) : null;

    private static AttributeValue? Text(string? value) => value is { Length: > 0 } text ? AttributeValue.Of(text) : null;

    private static AttributeValue? Day(DateTimeOffset? value) => value is { } at ? AttributeValue.Of(DateOnly.FromDateTime(at.UtcDateTime)) : null;

    private static void Put(Dictionary<string, AttributeValue> values, string name, AttributeValue? value)
    {
        if (value is not null)
        {
            values[name] = value;
        }
    }
}
