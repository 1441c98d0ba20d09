using Segments.Core.Transactions;

namespace Segments.Core.Tests.Transactions;

public class OrderHistoryTests
{
    [Fact]
    public void Dates_are_sorted_and_de_duplicated()
    {
        // Arrange
        DateOnly[] dates = [new(2011, 3, 1), new(2011, 1, 1), new(2011, 3, 1)];

        // Act
        var history = new OrderHistory("A", dates);

        // Assert
        Assert.Equal([new DateOnly(2011, 1, 1), new DateOnly(2011, 3, 1)], history.OrderDates);
        Assert.Equal(new DateOnly(2011, 1, 1), history.FirstOrderDate);
        Assert.Equal(new DateOnly(2011, 3, 1), history.LastOrderDate);
    }

    [Fact]
    public void A_history_without_dates_is_refused()
    {
        // Act
        Action act = () => _ = new OrderHistory("A", []);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }
}
