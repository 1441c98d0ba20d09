namespace Segments.Core.Uplift;

/// <summary>What a campaign did: treatment against control on conversion, revenue and orders per customer.</summary>
/// <param name="ControlCustomers">Customers in the control group.</param>
/// <param name="TreatmentCustomers">Customers in the treatment group.</param>
/// <param name="Conversion">Share that ordered at least once (two-proportion z-test); null when a group is empty or nobody varies.</param>
/// <param name="RevenuePerCustomer">Mean net revenue (Welch's t-test); null when a group has fewer than two customers or no variation.</param>
/// <param name="OrdersPerCustomer">Mean orders (Welch's t-test); null likewise.</param>
/// <param name="IncrementalRevenue">Revenue-per-customer difference × treatment customers; null without that difference.</param>
/// <param name="CampaignCost">The cost given with the request, or null.</param>
/// <param name="ReturnOnInvestment">(incremental revenue − cost) / cost; null without a positive cost or an incremental revenue.</param>
public sealed record UpliftResult(
    int ControlCustomers,
    int TreatmentCustomers,
    Difference? Conversion,
    Difference? RevenuePerCustomer,
    Difference? OrdersPerCustomer,
    double? IncrementalRevenue,
    double? CampaignCost,
    double? ReturnOnInvestment);
