using Segments.Core.Transactions;

namespace Segments.Core.Tests.Recommendations;

/// <summary>
/// A store worked by hand. Before 2011-09-01: A bought p1, p2; B p1, p2, p3; C p1, p3; D p2, p4; E p1 (on 2011-08-20).
/// Buyers: p1 4, p2 3, p3 2, p4 1. Cosine: p1~p2 = 2/√12 = 0.5774, p1~p3 = 2/√8 = 0.7071, p2~p3 = 1/√6 = 0.4082,
/// p2~p4 = 1/√3 = 0.5774, p1~p4 = p3~p4 = 0.
/// </summary>
internal static class PurchaseFixtures
{
    public static readonly DateOnly Before = new(2011, 8, 1);

    public static TransactionLine Line(string customer, string product, DateOnly? date = null, decimal amount = 10m, bool cancellation = false) =>
        new(customer, $"{customer}-{product}", date ?? Before, amount, "United Kingdom", cancellation) { Product = product };

    public static List<TransactionLine> Training() =>
    [
        Line("A", "p1"), Line("A", "p2"),
        Line("B", "p1"), Line("B", "p2"), Line("B", "p3"),
        Line("C", "p1"), Line("C", "p3"),
        Line("D", "p2"), Line("D", "p4"),
        Line("E", "p1", new DateOnly(2011, 8, 20)),
    ];
}
