namespace Segments.Integration.Tests.Insights;

/// <summary>
/// <see cref="Fixtures.ShopExports.FiveCustomers"/> with a product per line: same RFM results as of 2024-03-31
/// (A 433 and C 352 Potential Loyalist, B 214 Can't Lose Them, D 111 Lost, E 535 Need Attention), and
/// A, B, E New, C Active, D One-time under the fallback lifecycle windows (only A and C order on two days).
/// </summary>
internal static class ProductExports
{
    public const string AsOf = "2024-03-31";

    public const string FiveCustomers =
        """
        customer_id,order_id,order_date,amount,country,product
        A,o1,2024-03-30,100,Norway,P1
        A,o2,2024-03-20,30,Norway,P2
        A,o2,2024-03-20,20,Norway,P1
        B,o3,2024-03-01,500,France,P2
        C,o4,2024-01-01,20,Spain,P3
        C,o5,2024-02-01,20,Spain,P3
        C,o6,2024-03-25,20,Spain,P1
        D,o7,2023-06-01,10,Italy,P3
        D,o10,2024-04-05,999,Italy,P9
        E,o8,2024-03-31,1000,Japan,P1
        E,o9,2024-03-31,1000,Japan,P2

        """;
}
