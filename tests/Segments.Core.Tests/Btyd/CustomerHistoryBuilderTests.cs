using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class CustomerHistoryBuilderTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public void Purchases_on_one_day_are_one_transaction_whose_spend_is_their_sum()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("A", Start, 10m);
        builder.Add("A", Start.AddDays(7), 5m);
        builder.Add("A", Start.AddDays(7), 15m);
        builder.Add("A", Start.AddDays(14), 40m);

        var customer = Assert.Single(builder.Build(Start.AddDays(28)).Customers);

        // Three purchase days: x = 2; repeat days spent 20 and 40.
        Assert.Equal(2, customer.History.RepeatPurchases);
        Assert.Equal(30.0, customer.AverageRepeatSpend);
    }

    [Fact]
    public void Times_are_measured_from_the_first_purchase_in_weeks_by_default()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("A", Start.AddDays(3), 1m);
        builder.Add("A", Start.AddDays(17), 1m);

        var customer = Assert.Single(builder.Build(Start.AddDays(31)).Customers);

        Assert.Equal(new CustomerHistory(1, 2.0, 4.0), customer.History);
    }

    [Fact]
    public void Times_can_be_in_days()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("A", Start.AddDays(3), 1m);
        builder.Add("A", Start.AddDays(17), 1m);

        var customer = Assert.Single(builder.Build(Start.AddDays(31), TimeUnit.Day).Customers);

        Assert.Equal(new CustomerHistory(1, 14.0, 28.0), customer.History);
    }

    [Fact]
    public void Purchases_after_the_calibration_end_are_left_out_and_counted_as_holdout()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("A", Start, 10m);
        builder.Add("A", Start.AddDays(7), 20m);
        builder.Add("A", Start.AddDays(21), 99m);
        builder.Add("A", Start.AddDays(22), 99m);
        var end = Start.AddDays(14);

        var data = builder.Build(end);
        var customer = Assert.Single(data.Customers);

        Assert.Equal(new CustomerHistory(1, 1.0, 2.0), customer.History);
        Assert.Equal(20.0, customer.AverageRepeatSpend);
        Assert.Equal(2, customer.HoldoutPurchases);
        Assert.Equal(2, data.PurchasesAfterCalibration);
        Assert.Equal(8.0 / 7, data.HoldoutLength, 12);
    }

    [Fact]
    public void Purchases_on_the_calibration_end_day_count()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("A", Start, 10m);
        builder.Add("A", Start.AddDays(14), 20m);

        var customer = Assert.Single(builder.Build(Start.AddDays(14)).Customers);

        Assert.Equal(new CustomerHistory(1, 2.0, 2.0), customer.History);
    }

    [Fact]
    public void Customers_first_seen_after_the_calibration_end_are_not_summarised()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("A", Start, 10m);
        builder.Add("B", Start.AddDays(30), 10m);

        var data = builder.Build(Start.AddDays(10));

        Assert.Equal("A", Assert.Single(data.Customers).CustomerId);
        Assert.Equal(1, data.CustomersFirstSeenAfterCalibration);
    }

    [Fact]
    public void Default_calibration_end_is_the_latest_purchase_and_there_is_no_holdout()
    {
        var builder = new CustomerHistoryBuilder();
        builder.Add("B", Start.AddDays(10), 10m);
        builder.Add("A", Start, 10m);

        var data = builder.Build();

        Assert.Equal(Start.AddDays(10), data.CalibrationEnd);
        Assert.Equal(0, data.HoldoutLength);
        Assert.Equal(["A", "B"], data.Customers.Select(c => c.CustomerId));
        Assert.Equal(new CustomerHistory(0, 0, 0), data.Customers[1].History);
    }

    [Fact]
    public void Out_of_order_input_gives_the_same_summary()
    {
        var forward = new CustomerHistoryBuilder();
        var backward = new CustomerHistoryBuilder();
        var days = new[] { 0, 5, 9, 40 };
        foreach (var d in days)
        {
            forward.Add("A", Start.AddDays(d), d);
        }

        foreach (var d in days.Reverse())
        {
            backward.Add("A", Start.AddDays(d), d);
        }

        Assert.Equal(forward.Build(Start.AddDays(50)).Customers.Single(), backward.Build(Start.AddDays(50)).Customers.Single());
    }
}
