using Segments.Core.Rfm;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Rfm;

public class CustomerAggregatorTests
{
    private static readonly DateOnly AsOf = new(2011, 12, 10);

    [Fact]
    public void Recency_counts_days_from_the_last_non_cancelled_order()
    {
        // Arrange: the cancellation on Dec 8 is later than the order but must not count.
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 10m));
        aggregator.Add(Cancellation("A", "C2", new DateOnly(2011, 12, 8), -5m));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert: Dec 10 − Dec 1 = 9 days.
        Assert.Equal(9, metrics.RecencyDays);
    }

    [Fact]
    public void Frequency_counts_each_non_cancelled_order_once_whatever_its_lines()
    {
        // Arrange: order 1 has two lines, order 2 one line, and C3 is a cancellation.
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 10m));
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 15m));
        aggregator.Add(Order("A", "2", new DateOnly(2011, 12, 3), 7m));
        aggregator.Add(Cancellation("A", "C3", new DateOnly(2011, 12, 4), -7m));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert: orders {1, 2}.
        Assert.Equal(2, metrics.Frequency);
    }

    [Fact]
    public void Monetary_is_the_net_of_all_lines_including_cancellations()
    {
        // Arrange
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 10m));
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 15.50m));
        aggregator.Add(Cancellation("A", "C2", new DateOnly(2011, 12, 2), -5.25m));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert: 10 + 15.50 − 5.25 = 20.25.
        Assert.Equal(20.25m, metrics.Monetary);
    }

    [Fact]
    public void Monetary_is_floored_at_zero()
    {
        // Arrange: cancellations exceed the orders kept in the file.
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 10m));
        aggregator.Add(Cancellation("A", "C2", new DateOnly(2011, 12, 2), -30m));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert: 10 − 30 = −20, floored to 0.
        Assert.Equal(0m, metrics.Monetary);
    }

    [Fact]
    public void A_customer_with_only_cancellations_is_not_scored()
    {
        // Arrange
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 1), 10m));
        aggregator.Add(Cancellation("B", "C2", new DateOnly(2011, 12, 2), -4m));

        // Act
        var metrics = aggregator.ToMetrics();

        // Assert: B was seen but has no order to measure recency from.
        Assert.Equal(["A"], metrics.Select(m => m.CustomerId));
        Assert.Equal(2, aggregator.CustomersSeen);
    }

    [Fact]
    public void Lines_dated_after_the_as_of_date_are_ignored()
    {
        // Arrange
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 5), 10m));
        aggregator.Add(Order("A", "2", new DateOnly(2011, 12, 11), 100m));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert: only order 1 counts: recency Dec 10 − Dec 5 = 5, one order, 10 of revenue.
        Assert.Equal(new CustomerMetrics("A", 5, 1, 10m, ""), metrics);
        Assert.Equal(1, aggregator.LinesAfterAsOf);
    }

    [Fact]
    public void A_line_dated_on_the_as_of_date_counts_with_recency_zero()
    {
        // Arrange
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", AsOf, 10m));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert
        Assert.Equal(0, metrics.RecencyDays);
    }

    [Fact]
    public void Without_an_as_of_date_measures_are_taken_the_day_after_the_latest_line()
    {
        // Arrange
        var aggregator = new CustomerAggregator(asOf: null);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 9), 10m));
        aggregator.Add(Order("B", "2", new DateOnly(2011, 12, 1), 10m));

        // Act
        var metrics = aggregator.ToMetrics();

        // Assert: latest line Dec 9 → as of Dec 10; A is 1 day old, B 9 days.
        Assert.Equal(new DateOnly(2011, 12, 10), aggregator.AsOf);
        Assert.Equal([1, 9], metrics.Select(m => m.RecencyDays));
    }

    [Fact]
    public void Metrics_come_out_ordered_by_customer_id()
    {
        // Arrange: added in reverse order; ordinal order puts upper case before lower case.
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("b", "1", new DateOnly(2011, 12, 1), 1m));
        aggregator.Add(Order("B", "2", new DateOnly(2011, 12, 1), 1m));
        aggregator.Add(Order("A", "3", new DateOnly(2011, 12, 1), 1m));

        // Act
        var metrics = aggregator.ToMetrics();

        // Assert: 'A' (65) < 'B' (66) < 'b' (98).
        Assert.Equal(["A", "B", "b"], metrics.Select(m => m.CustomerId));
    }

    [Fact]
    public void Country_is_taken_from_the_latest_line_that_has_one()
    {
        // Arrange: the Dec 5 line is the latest, but it has no country.
        var aggregator = new CustomerAggregator(AsOf);
        aggregator.Add(Order("A", "1", new DateOnly(2011, 12, 3), 1m, "France"));
        aggregator.Add(Order("A", "2", new DateOnly(2011, 12, 1), 1m, "Germany"));
        aggregator.Add(Order("A", "3", new DateOnly(2011, 12, 5), 1m, ""));

        // Act
        var metrics = Assert.Single(aggregator.ToMetrics());

        // Assert
        Assert.Equal("France", metrics.Country);
    }

    private static TransactionLine Order(string customer, string order, DateOnly date, decimal amount, string country = "") =>
        new(customer, order, date, amount, country, IsCancellation: false);

    private static TransactionLine Cancellation(string customer, string order, DateOnly date, decimal amount) =>
        new(customer, order, date, amount, "", IsCancellation: true);
}
