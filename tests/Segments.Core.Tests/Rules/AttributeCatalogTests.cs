using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

public class AttributeCatalogTests
{
    [Fact]
    public void The_standard_catalog_has_every_attribute_of_the_issue()
    {
        // Arrange
        string[] expected =
        [
            "country", "first_order_date", "last_order_date", "orders", "revenue", "average_order_value", "products", "product_categories", "product_vendors",
            "rfm_r", "rfm_f", "rfm_m", "rfm_code", "rfm_segment", "lifecycle_stage", "p_alive", "clv", "cluster", "customer_type",
            // Issue 8: derived attributes, then every field of the customer exports.
            "new_vs_returning", "recency_days", "tenure_days", "has_profile", "signup_date", "birth_year", "age_band", "gender",
            "city", "region", "profile_country", "acquisition_channel", "consent_email", "consent_email_at", "consent_sms",
            "consent_sms_at", "tags", "profile_updated_at",
            // Issue 14: the attributes behind the behaviour segments.
            "last_seen", "days_since_last_seen", "abandoned_cart_value", "abandoned_cart_items", "abandoned_cart_products",
            "cart_abandoner", "browse_abandoner", "prospect", "behaviour_segments",
        ];

        // Act
        var names = AttributeCatalog.Standard.Attributes.Select(a => a.Name);

        // Assert
        Assert.Equal(expected, names);
    }

    [Theory]
    [InlineData("contry", "country")]
    [InlineData("order", "orders")]
    [InlineData("lastorderdate", "last_order_date")]
    [InlineData("rfm_segmnt", "rfm_segment")]
    [InlineData("palive", "p_alive")]
    public void A_misspelt_name_gets_the_closest_suggestion(string name, string suggestion)
    {
        // Act
        var suggested = AttributeCatalog.Standard.SuggestFor(name);

        // Assert
        Assert.Equal(suggestion, suggested);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("shoe_size")]
    public void A_name_close_to_nothing_gets_no_suggestion(string name)
    {
        // Act
        var suggested = AttributeCatalog.Standard.SuggestFor(name);

        // Assert
        Assert.Null(suggested);
    }

    [Fact]
    public void Lookup_ignores_case()
    {
        // Act
        var attribute = AttributeCatalog.Standard.Find("Last_Order_Date");

        // Assert
        Assert.Equal(AttributeType.Date, attribute?.Type);
    }

    [Fact]
    public void An_attribute_defined_twice_is_refused()
    {
        // Act
        Action act = () => AttributeCatalog.Standard.With(new AttributeDefinition("country", AttributeType.Text, "again"));

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void A_name_that_is_not_a_lower_case_identifier_is_refused()
    {
        // Act
        Action act = () => _ = new AttributeCatalog([new AttributeDefinition("Shoe Size", AttributeType.Number, "")]);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }
}
