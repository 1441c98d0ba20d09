using Segments.Core.Cohorts;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Cohorts;

/// <summary>Cohort retention worked by hand: cohort = month of the first order, rate = share with an order that month.</summary>
public sealed class CohortAggregatorTests
{
    private static CohortAggregator Orders()
    {
        var cohorts = new CohortAggregator(new DateOnly(2011, 3, 31));
        cohorts.Add(Line("a", 2011, 1, 5, 10m));
        cohorts.Add(Line("a", 2011, 1, 20, 5m));
        cohorts.Add(Line("a", 2011, 3, 2, 7m));
        cohorts.Add(Line("b", 2011, 1, 9, 20m));
        cohorts.Add(Line("b", 2011, 2, 9, 1m, cancelled: true));
        cohorts.Add(Line("c", 2011, 2, 1, 3m));
        cohorts.Add(Line("c", 2011, 4, 1, 3m)); // after the as-of date
        return cohorts;
    }

    [Fact]
    public void Each_cohort_month_counts_its_customers_with_an_order_that_month()
    {
        var table = Orders().ToTable();

        Assert.Equal(
            [("2011-01", 0, 2, 1.0, 35m), ("2011-01", 2, 1, 0.5, 7m), ("2011-02", 0, 1, 1.0, 3m)],
            table.Cells.Select(c => (c.Cohort, c.Month, c.Customers, c.Rate, c.Revenue)));
    }

    [Fact]
    public void The_csv_has_the_documented_columns()
    {
        var csv = CohortCsv.Write(Orders().ToTable());

        Assert.Equal("cohort,month,customers,rate,revenue\n2011-01,0,2,1,35.00\n2011-01,2,1,0.5,7.00\n2011-02,0,1,1,3.00\n", csv);
    }

    [Fact]
    public void A_dimension_splits_the_cohorts_and_leaves_out_customers_without_a_value()
    {
        var table = Orders().ToTable(CohortDimensions.Country, id => id == "c" ? null : id == "a" ? "UK" : "FR");

        Assert.Equal([("FR", "2011-01", 0), ("UK", "2011-01", 0), ("UK", "2011-01", 2)], table.Cells.Select(c => (c.Group, c.Cohort, c.Month)));
        Assert.Equal("country", table.Dimension);
    }

    private static TransactionLine Line(string customer, int year, int month, int day, decimal amount, bool cancelled = false) =>
        new(customer, $"{customer}-{month}-{day}", new DateOnly(year, month, day), amount, "UK", cancelled);
}
