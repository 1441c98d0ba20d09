using Segments.Core.Profiles;

namespace Segments.Core.Tests.Profiles;

public class AgeBandsTests
{
    [Theory]
    [InlineData(17, "under-18")]
    [InlineData(18, "18-24")]
    [InlineData(24, "18-24")]
    [InlineData(25, "25-34")]
    [InlineData(34, "25-34")]
    [InlineData(35, "35-44")]
    [InlineData(54, "45-54")]
    [InlineData(64, "55-64")]
    [InlineData(65, "65+")]
    [InlineData(99, "65+")]
    public void Ages_fall_into_the_documented_bands(int age, string band)
    {
        Assert.Equal(band, AgeBands.ForAge(age));
    }

    [Fact]
    public void The_band_of_a_birth_year_is_taken_as_of_the_run_date()
    {
        // Born 1990: 34 during 2024 (25-34), 35 during 2025 (35-44).
        Assert.Equal("25-34", AgeBands.ForBirthYear(1990, new DateOnly(2024, 12, 31)));
        Assert.Equal("35-44", AgeBands.ForBirthYear(1990, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_birth_year_after_the_run_date_has_no_band()
    {
        Assert.Null(AgeBands.ForBirthYear(2030, new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public void A_profile_as_of_a_date_derives_its_band_from_the_birth_year_over_an_exported_band()
    {
        // Arrange: the export says 18-24, but the birth year says 31 in 2024.
        var fields = new CustomerProfileFields { BirthYear = 1993, AgeBand = "18-24" };

        // Act
        var asOf = fields.AsOf(new DateOnly(2024, 3, 1));

        // Assert
        Assert.Equal("25-34", asOf.AgeBand);
    }
}
