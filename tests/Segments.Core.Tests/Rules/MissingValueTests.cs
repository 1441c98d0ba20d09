using Segments.Core.Rules;
using static Segments.Core.Tests.Rules.ProfileBuilder;

namespace Segments.Core.Tests.Rules;

/// <summary>A value the profile lacks (p_alive before the models ran) is unknown: it never matches and never throws.</summary>
public class MissingValueTests
{
    private static readonly CustomerProfile WithoutPAlive = Profile((StandardAttributes.Orders, AttributeValue.Of(2m)));

    [Theory]
    [InlineData("p_alive < 0.3")]
    [InlineData("p_alive >= 0")]
    [InlineData("p_alive != 0.5")]
    [InlineData("p_alive IN (0.1, 0.2)")]
    [InlineData("p_alive NOT IN (0.1, 0.2)")]
    [InlineData("products NOT CONTAINS 'x'")]
    [InlineData("NOT p_alive < 0.3")]
    [InlineData("NOT (p_alive < 0.3 AND orders > 1)")]
    public void A_condition_on_a_missing_value_does_not_match_even_negated(string query)
    {
        // Act
        var matches = Matches(query, WithoutPAlive);

        // Assert: as in SQL, NOT unknown is unknown, and only true puts a customer in the segment.
        Assert.False(matches);
    }

    [Fact]
    public void Or_with_a_true_side_matches_despite_a_missing_value()
    {
        // Act
        var matches = Matches("p_alive < 0.3 OR orders > 1", WithoutPAlive);

        // Assert: unknown OR true = true.
        Assert.True(matches);
    }

    [Fact]
    public void And_with_a_false_side_is_false_despite_a_missing_value()
    {
        // Arrange
        var query = SegmentQuery.Parse("p_alive < 0.3 AND orders > 5").Query!;

        // Act
        var result = query.Root.Evaluate(WithoutPAlive, AsOf);

        // Assert: unknown AND false = false (not unknown), so NOT of it would match.
        Assert.False(result);
    }

    [Fact]
    public void A_value_of_the_wrong_type_in_the_profile_is_unknown()
    {
        // Arrange: a filler bug put text where a number belongs.
        var profile = Profile((StandardAttributes.Orders, AttributeValue.Of("three")));

        // Act
        var result = SegmentQuery.Parse("orders >= 3").Query!.Root.Evaluate(profile, AsOf);

        // Assert
        Assert.Null(result);
    }
}
