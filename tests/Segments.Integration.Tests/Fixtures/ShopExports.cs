namespace Segments.Integration.Tests.Fixtures;

/// <summary>Small hand-made exports whose RFM results are worked out by hand in the tests.</summary>
public static class ShopExports
{
    /// <summary>
    /// Five customers in the generic layout. As of 2024-03-31 (n = 5, so h = 4p):
    /// recency  A 1, B 30, C 6, D 304, E 0        → cuts 0.8, 4, 15.6, 84.8
    /// frequency A 2, B 1, C 3, D 1, E 2           → cuts 1, 1.6, 2, 2.2
    /// monetary A 150, B 500, C 60, D 10, E 2000   → cuts 50, 114, 290, 800
    /// giving A 433 Potential Loyalist, B 214 Can't Lose Them, C 352 Potential Loyalist, D 111 Lost,
    /// E 535 Need Attention. D's order o10 of 2024-04-05 lies after that as-of date and is ignored.
    /// </summary>
    public const string FiveCustomers =
        """
        customer_id,order_id,order_date,amount,country
        A,o1,2024-03-30,100,Norway
        A,o2,2024-03-20,30,Norway
        A,o2,2024-03-20,20,Norway
        B,o3,2024-03-01,500,France
        C,o4,2024-01-01,20,Spain
        C,o5,2024-02-01,20,Spain
        C,o6,2024-03-25,20,Spain
        D,o7,2023-06-01,10,Italy
        D,o10,2024-04-05,999,Italy
        E,o8,2024-03-31,1000,Japan
        E,o9,2024-03-31,1000,Japan

        """;

    /// <summary>
    /// Six data rows, four of them broken in different ways (header is line 1).
    /// </summary>
    public const string WithBrokenRows =
        """
        customer_id,order_id,order_date,amount,country
        A,o1,2024-03-30,100,Norway
        B,o2,30/02/2024,50,France
        C,o3,2024-03-01,lots,Spain
        ,o4,2024-03-01,10,Spain
        D,o5
        E,o6,2024-03-02,75.5,Japan

        """;
}
