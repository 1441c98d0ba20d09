using Segments.Core.Transactions;

namespace Segments.Core.Tests.Transactions;

public class CustomerIdNormalizerTests
{
    [Theory]
    [InlineData("17850.0", "17850")]
    [InlineData("17850.00", "17850")]
    [InlineData("0.0", "0")]
    public void Numeric_id_with_only_zero_decimals_becomes_the_integer(string raw, string expected)
    {
        // Act
        var id = CustomerIdNormalizer.Normalize(raw);

        // Assert
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("17850.5")]
    [InlineData("A17850.0")]
    [InlineData(".0")]
    [InlineData("17850.")]
    public void Id_that_is_not_a_whole_number_with_zero_decimals_is_kept(string raw)
    {
        // Act
        var id = CustomerIdNormalizer.Normalize(raw);

        // Assert
        Assert.Equal(raw, id);
    }

    [Fact]
    public void Surrounding_white_space_is_trimmed()
    {
        // Act
        var id = CustomerIdNormalizer.Normalize("  17850.0 \t");

        // Assert
        Assert.Equal("17850", id);
    }

    [Fact]
    public void Case_is_kept()
    {
        // Act
        var id = CustomerIdNormalizer.Normalize("cust-AbC");

        // Assert: folding case would merge customers that shop platforms keep apart.
        Assert.Equal("cust-AbC", id);
    }

    [Fact]
    public void Blank_id_becomes_empty()
    {
        // Act
        var id = CustomerIdNormalizer.Normalize("   ");

        // Assert
        Assert.Equal("", id);
    }
}
