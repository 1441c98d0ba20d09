using Segments.Core.Transactions;

namespace Segments.Core.Tests.Transactions;

public class OrderHistoryAggregatorTests
{
    private static readonly DateOnly AsOf = new(2011, 12, 10);

    [Fact]
    public void Lines_of_orders_on_the_same_day_give_one_order_date()
    {
        // Arrange: orders 1 and 2 both on Dec 1 (three lines), order 3 on Dec 5.
        var aggregator = new OrderHistoryAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("A", "3", new DateOnly(2011, 12, 5)));
        aggregator.Add(Order("A", "2", new DateOnly(2011, 12, 1)));

        // Act
        var history = Assert.Single(aggregator.ToHistories());

        // Assert: two purchase days, ascending, although order 2 arrived last.
        Assert.Equal([new DateOnly(2011, 12, 1), new DateOnly(2011, 12, 5)], history.OrderDates);
    }

    [Fact]
    public void Cancellations_add_no_order_date()
    {
        // Arrange
        var aggregator = new OrderHistoryAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("A", "C2", new DateOnly(2011, 12, 8), cancelled: true));

        // Act
        var history = Assert.Single(aggregator.ToHistories());

        // Assert
        Assert.Equal(new DateOnly(2011, 12, 1), history.LastOrderDate);
    }

    [Fact]
    public void A_customer_with_only_cancellations_has_no_history()
    {
        // Arrange
        var aggregator = new OrderHistoryAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("B", "C2", new DateOnly(2011, 12, 2), cancelled: true));

        // Act
        var histories = aggregator.ToHistories();

        // Assert
        Assert.Equal(["A"], histories.Select(h => h.CustomerId));
    }

    [Fact]
    public void Lines_dated_after_the_as_of_date_are_ignored()
    {
        // Arrange
        var aggregator = new OrderHistoryAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 5)));
        aggregator.Add(Order("A", "2", new DateOnly(2011, 12, 11)));

        // Act
        var history = Assert.Single(aggregator.ToHistories());

        // Assert
        Assert.Equal([new DateOnly(2011, 12, 5)], history.OrderDates);
        Assert.Equal(1, aggregator.LinesAfterAsOf);
    }

    [Fact]
    public void Without_an_as_of_date_it_is_the_day_after_the_latest_line()
    {
        // Arrange: the latest line is a cancellation; it still dates the file, as in CustomerAggregator.
        var aggregator = new OrderHistoryAggregator(asOf: null);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("A", "C2", new DateOnly(2011, 12, 9), cancelled: true));

        // Act
        var asOf = aggregator.AsOf;

        // Assert
        Assert.Equal(new DateOnly(2011, 12, 10), asOf);
    }

    [Fact]
    public void Histories_come_out_ordered_by_customer_id()
    {
        // Arrange
        var aggregator = new OrderHistoryAggregator(AsOf);
        aggregator.Add(Order("b", "1", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("B", "2", new DateOnly(2011, 12, 1)));
        aggregator.Add(Order("A", "3", new DateOnly(2011, 12, 1)));

        // Act
        var histories = aggregator.ToHistories();

        // Assert: ordinal order, 'A' (65) < 'B' (66) < 'b' (98).
        Assert.Equal(["A", "B", "b"], histories.Select(h => h.CustomerId));
    }

    private static TransactionLine Order(string customer, string order, DateOnly date, bool cancelled = false) =>
        new(customer, order, date, cancelled ? -1m : 1m, "", cancelled);
}
