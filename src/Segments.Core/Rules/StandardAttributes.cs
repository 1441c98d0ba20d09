namespace Segments.Core.Rules;

/// <summary>
/// The attributes every customer profile may carry. Adding one is a row here and a value in
/// <see cref="CustomerFacts.ToProfile"/>; the parser and evaluator need no change.
/// </summary>
public static class StandardAttributes
{
#pragma warning disable CS1591 // The names are documented by the table below.
    public const string Country = "country";
    public const string FirstOrderDate = "first_order_date";
    public const string LastOrderDate = "last_order_date";
    public const string Orders = "orders";
    public const string Revenue = "revenue";
    public const string AverageOrderValue = "average_order_value";
    public const string Products = "products";
    public const string RfmR = "rfm_r";
    public const string RfmF = "rfm_f";
    public const string RfmM = "rfm_m";
    public const string RfmCode = "rfm_code";
    public const string RfmSegment = "rfm_segment";
    public const string LifecycleStage = "lifecycle_stage";
    public const string PAlive = "p_alive";
    public const string Clv = "clv";
    public const string Cluster = "cluster";
    public const string CustomerType = "customer_type";
#pragma warning restore CS1591

    /// <summary>The table: name, type, meaning.</summary>
    public static IReadOnlyList<AttributeDefinition> All { get; } =
    [
        new(Country, AttributeType.Text, "country of the customer's latest order line that had one"),
        new(FirstOrderDate, AttributeType.Date, "date of the first non-cancelled order"),
        new(LastOrderDate, AttributeType.Date, "date of the latest non-cancelled order"),
        new(Orders, AttributeType.Number, "distinct non-cancelled orders"),
        new(Revenue, AttributeType.Number, "net revenue, cancellations included, floored at 0"),
        new(AverageOrderValue, AttributeType.Number, "revenue divided by orders"),
        new(Products, AttributeType.TextList, "products bought"),
        new(RfmR, AttributeType.Number, "RFM recency score, 1-5"),
        new(RfmF, AttributeType.Number, "RFM frequency score, 1-5"),
        new(RfmM, AttributeType.Number, "RFM monetary score, 1-5"),
        new(RfmCode, AttributeType.Text, "RFM code such as '545'"),
        new(RfmSegment, AttributeType.Text, "named RFM segment such as 'At Risk'"),
        new(LifecycleStage, AttributeType.Text, "lifecycle stage such as 'Active' or 'One-time'"),
        new(PAlive, AttributeType.Number, "probability the customer is still active (BG/NBD), 0-1"),
        new(Clv, AttributeType.Number, "predicted customer lifetime value"),
        new(Cluster, AttributeType.Number, "behavioural cluster number, 1 = highest spending centroid"),
        new(CustomerType, AttributeType.Text, "'new' (one order) or 'returning' (more)"),
    ];
}
