using Segments.Core.Profiles;
using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

/// <summary>Profile fields and the derived attributes as rule attributes, evaluated as a run would.</summary>
public class ProfileAttributeTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    private static readonly CustomerProfileFields Seoul = new CustomerProfileFields
    {
        SignupDate = new DateOnly(2024, 1, 15),
        BirthYear = 1995,
        Gender = "female",
        City = "Seoul",
        Region = "11",
        Country = "KR",
        AcquisitionChannel = "paid_social",
        ConsentEmail = true,
        ConsentEmailAt = new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero),
        ConsentSms = null,
        Tags = ["wholesale", "vip"],
    }.AsOf(AsOf);

    [Theory]
    [InlineData("age_band = '25-34'", true)]
    [InlineData("age_band = '18-24'", false)]
    [InlineData("birth_year < 2000", true)]
    [InlineData("signup_date > -365d", true)]
    [InlineData("signup_date > -90d", false)]
    [InlineData("city = 'seoul'", true)]
    [InlineData("region = '11' AND profile_country = 'KR'", true)]
    [InlineData("gender = 'female'", true)]
    [InlineData("acquisition_channel IN ('paid_social', 'organic')", true)]
    [InlineData("tags CONTAINS 'Wholesale'", true)]
    [InlineData("tags NOT CONTAINS 'wholesale'", false)]
    [InlineData("consent_email = true", true)]
    [InlineData("consent_email_at >= '2024-01-15'", true)]
    [InlineData("has_profile = true", true)]
    [InlineData("new_vs_returning = 'returning'", true)]
    [InlineData("tenure_days = 167", true)]
    [InlineData("recency_days <= 10", true)]
    public void Profile_and_derived_attributes_are_queryable(string query, bool expected)
    {
        // Arrange: first order 2024-02-01, after the 2024-01-15 signup, so tenure counts from the signup: 167 days.
        var facts = new CustomerFacts("C1") { AsOf = AsOf, Orders = 2, FirstOrderDate = new DateOnly(2024, 2, 1), RecencyDays = 10, Profile = Seoul };

        // Act
        var matches = ProfileBuilder.Matches(query, facts.ToProfile(), AsOf);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Unknown_consent_is_in_neither_the_consented_nor_the_refused_segment()
    {
        // Arrange: the profile says nothing about SMS.
        var profile = new CustomerFacts("C1") { Profile = Seoul }.ToProfile();

        // Assert
        Assert.False(ProfileBuilder.Matches("consent_sms = true", profile, AsOf));
        Assert.False(ProfileBuilder.Matches("consent_sms = false", profile, AsOf));
    }

    [Fact]
    public void A_customer_without_a_profile_has_has_profile_false_and_no_profile_values()
    {
        // Act
        var values = new CustomerFacts("C1") { Orders = 1 }.ToProfile().Values;

        // Assert
        Assert.Equal(AttributeValue.Of(false), values[StandardAttributes.HasProfile]);
        Assert.False(values.ContainsKey(StandardAttributes.City));
        Assert.Equal(AttributeValue.Of("new"), values[StandardAttributes.NewVsReturning]);
    }

    [Fact]
    public void Tenure_counts_from_the_first_order_when_it_is_before_the_signup()
    {
        // Arrange: a guest order on 1 January, signup later.
        var facts = new CustomerFacts("C1") { AsOf = AsOf, FirstOrderDate = new DateOnly(2024, 1, 1), Profile = Seoul };

        // Assert: 2024-01-01 to 2024-06-30 is 181 days.
        Assert.Equal(181, facts.TenureDays);
    }
}
