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
    public const string ProductCategories = "product_categories";
    public const string ProductVendors = "product_vendors";
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
    public const string NewVsReturning = "new_vs_returning";
    public const string RecencyDays = "recency_days";
    public const string TenureDays = "tenure_days";
    public const string HasProfile = "has_profile";
    public const string SignupDate = "signup_date";
    public const string BirthYear = "birth_year";
    public const string AgeBand = "age_band";
    public const string Gender = "gender";
    public const string City = "city";
    public const string Region = "region";
    public const string ProfileCountry = "profile_country";
    public const string AcquisitionChannel = "acquisition_channel";
    public const string ConsentEmail = "consent_email";
    public const string ConsentEmailAt = "consent_email_at";
    public const string ConsentSms = "consent_sms";
    public const string ConsentSmsAt = "consent_sms_at";
    public const string Tags = "tags";
    public const string ProfileUpdatedAt = "profile_updated_at";
    public const string LastSeen = "last_seen";
    public const string DaysSinceLastSeen = "days_since_last_seen";
    public const string AbandonedCartValue = "abandoned_cart_value";
    public const string AbandonedCartItems = "abandoned_cart_items";
    public const string AbandonedCartProducts = "abandoned_cart_products";
    public const string CartAbandoner = "cart_abandoner";
    public const string BrowseAbandoner = "browse_abandoner";
    public const string Prospect = "prospect";
    public const string BehaviourSegments = "behaviour_segments";
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
        new(ProductCategories, AttributeType.TextList, "categories of the products bought (non-cancelled lines), from the product catalog config/products.csv; unknown without a catalog"),
        new(ProductVendors, AttributeType.TextList, "vendors of the products bought (non-cancelled lines), from the product catalog config/products.csv; unknown without a catalog"),
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
        new(NewVsReturning, AttributeType.Text, "'new' (exactly one non-cancelled order up to the run's date) or 'returning' (two or more); the same as customer_type"),
        new(RecencyDays, AttributeType.Number, "days from the latest non-cancelled order to the run's date (the RFM recency)"),
        new(TenureDays, AttributeType.Number, "days from the start of the relationship (the earlier of signup_date and first_order_date) to the run's date"),
        new(HasProfile, AttributeType.Boolean, "whether a customer export (container customers) holds a record of the customer"),
        new(SignupDate, AttributeType.Date, "signup (account creation) date from the customer export"),
        new(BirthYear, AttributeType.Number, "year of birth from the customer export"),
        new(AgeBand, AttributeType.Text, "'under-18', '18-24', '25-34', '35-44', '45-54', '55-64' or '65+', from the birth year as of the run's date, else as exported"),
        new(Gender, AttributeType.Text, "'female', 'male', or another value as exported, lower-cased"),
        new(City, AttributeType.Text, "city from the customer export"),
        new(Region, AttributeType.Text, "region, state or province from the customer export (Shopify: province code)"),
        new(ProfileCountry, AttributeType.Text, "country from the customer export (Shopify: country code); 'country' is the orders' country"),
        new(AcquisitionChannel, AttributeType.Text, "acquisition channel from the customer export"),
        new(ConsentEmail, AttributeType.Boolean, "true only when the customer export says the customer accepts e-mail marketing"),
        new(ConsentEmailAt, AttributeType.Date, "date the e-mail consent was given or withdrawn"),
        new(ConsentSms, AttributeType.Boolean, "true only when the customer export says the customer accepts SMS marketing"),
        new(ConsentSmsAt, AttributeType.Date, "date the SMS consent was given or withdrawn"),
        new(Tags, AttributeType.TextList, "tags from the customer export"),
        new(ProfileUpdatedAt, AttributeType.Date, "date the customer export last changed the record"),
        new(LastSeen, AttributeType.Date, "UTC day of the customer's latest event before the run's date; unknown without events"),
        new(DaysSinceLastSeen, AttributeType.Number, "days from the latest event to the run's date; unknown without events"),
        new(AbandonedCartValue, AttributeType.Number, "value of the abandoned cart (the Product Added events since the last order, within the abandonment window); 0 when not a cart abandoner"),
        new(AbandonedCartItems, AttributeType.Number, "units in the abandoned cart; 0 when not a cart abandoner"),
        new(AbandonedCartProducts, AttributeType.TextList, "products in the abandoned cart"),
        new(CartAbandoner, AttributeType.Boolean, "in the built-in segment behaviour:Cart Abandoners"),
        new(BrowseAbandoner, AttributeType.Boolean, "in the built-in segment behaviour:Browse Abandoners"),
        new(Prospect, AttributeType.Boolean, "in the built-in segment behaviour:Prospects"),
        new(BehaviourSegments, AttributeType.TextList, "names of the behaviour: segments the customer is in, e.g. 'Cart Abandoners'"),
    ];
}
