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
        return new CustomerProfile(CustomerId, values);
    }

    // A model can emit NaN or infinity (a fit that did not converge); converting those to decimal throws,
    // and they mean "no estimate" anyway, so they become absent. The bound sits a factor 10 inside decimal's
    // range (±7.9e28) so that rounding in the conversion cannot overflow.
    private static AttributeValue? Finite(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 7.9e27 ? AttributeValue.Of((decimal)v) : null;

    private static void Put(Dictionary<string, AttributeValue> values, string name, AttributeValue? value)
    {
        if (value is not null)
        {
            values[name] = value;
        }
    }
}
