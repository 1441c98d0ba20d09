using Segments.Core.Profiles;

namespace Segments.Core.Tests.Profiles;

public class ConsentValueTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("1", true)]
    [InlineData("subscribed", true)]
    [InlineData("no", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("unsubscribed", false)]
    [InlineData("pending", false)]
    public void Explicit_values_are_read_as_consent_or_none(string text, bool expected)
    {
        // Act
        var ok = ConsentValue.TryParse(text, out var consent);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, consent);
    }

    [Fact]
    public void An_empty_cell_is_unknown_consent()
    {
        // Act
        var ok = ConsentValue.TryParse("  ", out var consent);

        // Assert
        Assert.True(ok);
        Assert.Null(consent);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes please")]
    [InlineData("2")]
    [InlineData("ja")]
    public void Any_other_value_is_not_a_consent_value(string text)
    {
        // Act
        var ok = ConsentValue.TryParse(text, out var consent);

        // Assert
        Assert.False(ok);
        Assert.Null(consent);
    }
}
