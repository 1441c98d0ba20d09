using Segments.Core.Profiles;
using Segments.Core.Rules;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Profiles;

/// <summary>A run joins each scored customer with its newest profile and evaluates rules over both.</summary>
public class ProfileJoinTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    [Fact]
    public void Scored_customers_carry_their_profile_as_of_the_run_and_rules_see_it()
    {
        // Arrange
        var engine = new SegmentationEngine(AsOf);
        engine.Add(new TransactionLine("C1", "O1", new DateOnly(2024, 6, 1), 50m, "South Korea", false));
        engine.Add(new TransactionLine("C2", "O2", new DateOnly(2024, 6, 2), 20m, "United Kingdom", false));
        var profiles = new Dictionary<string, CustomerProfileFields>
        {
            ["C1"] = new() { BirthYear = 1990, City = "Seoul", ConsentEmail = true },
            ["P9"] = new() { City = "Busan" },
        };
        var rule = new RuleSegment(new SegmentDefinition("Seoul e-mailable", string.Empty, "city = 'Seoul' AND consent_email = true AND age_band = '25-34'"), SegmentQuery.Parse("city = 'Seoul' AND consent_email = true AND age_band = '25-34'").Query!);

        // Act
        var result = engine.Compute([rule], profiles);

        // Assert: born 1990, 34 during 2024; P9 has a profile but no order: counted, not scored.
        var c1 = result.Customers.Single(c => c.CustomerId == "C1");
        Assert.Equal("25-34", c1.Profile!.AgeBand);
        Assert.Equal(["Seoul e-mailable"], c1.RuleSegments);
        Assert.Null(result.Customers.Single(c => c.CustomerId == "C2").Profile);
        Assert.Equal(1, result.ProfilesWithoutOrders);
        Assert.Equal(2, result.Customers.Count);
    }
}
