using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

public class CustomerFactsTests
{
    [Fact]
    public void Known_facts_become_typed_values_under_their_attribute_names()
    {
        // Arrange
        var facts = new CustomerFacts("A")
        {
            Country = "France",
            FirstOrderDate = new DateOnly(2011, 1, 5),
            Orders = 4,
            Revenue = 250m,
            RfmR = 5,
            RfmSegment = "Champions",
            LifecycleStage = "Active",
            PAlive = 0.75,
            Cluster = 2,
        };

        // Act
        var values = facts.ToProfile().Values;

        // Assert: average order value 250 / 4 = 62.5; 4 orders → returning; unset facts are absent.
        Assert.Equal(AttributeValue.Of("France"), values["country"]);
        Assert.Equal(AttributeValue.Of(new DateOnly(2011, 1, 5)), values["first_order_date"]);
        Assert.Equal(AttributeValue.Of(4m), values["orders"]);
        Assert.Equal(AttributeValue.Of(62.5m), values["average_order_value"]);
        Assert.Equal(AttributeValue.Of(5m), values["rfm_r"]);
        Assert.Equal(AttributeValue.Of(0.75m), values["p_alive"]);
        Assert.Equal(AttributeValue.Of(2m), values["cluster"]);
        Assert.Equal(AttributeValue.Of("returning"), values["customer_type"]);
        Assert.False(values.ContainsKey("clv"));
        Assert.False(values.ContainsKey("last_order_date"));
    }

    [Fact]
    public void One_order_makes_a_new_customer_type()
    {
        // Act
        var type = new CustomerFacts("A") { Orders = 1 }.CustomerType;

        // Assert
        Assert.Equal("new", type);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_model_output_that_is_not_a_finite_number_is_absent(double pAlive)
    {
        // Act
        var values = new CustomerFacts("A") { PAlive = pAlive }.ToProfile().Values;

        // Assert
        Assert.False(values.ContainsKey("p_alive"));
    }
}
