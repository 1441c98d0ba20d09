using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest.Mappings;

/// <summary>
/// The strings the mapper reuses are the text it would have made: a customer id is what
/// <see cref="CustomerIdPolicy.Normalize"/> makes of the field, an empty field included, whatever came before it.
/// </summary>
public class RecurringStringsTests
{
    private static readonly CustomerIdPolicy Policy = new(new IngestOptions());

    [Fact]
    public void Customer_ids_with_empty_fields_between_them_are_normalised_as_the_policy_normalises_them()
    {
        // Arrange: guest sales (no customer) between and around known customers, an id with a ".0" the policy removes.
        string[] fields = ["", "17850.0", "17850.0", "", "17850.0", "", "", "13047", "", "17850.0", " ", "13047"];
        var strings = new RecurringStrings(Policy);

        // Act
        var ids = fields.Select(field => strings.CustomerId(field)).ToList();

        // Assert
        Assert.Equal(fields.Select(field => Policy.Normalize(field)), ids);
        Assert.Equal(["", "17850", "17850", "", "17850", "", "", "13047", "", "17850", "", "13047"], ids);
    }

    [Fact]
    public void A_customer_after_an_empty_field_gets_the_same_string_as_before_it()
    {
        // Arrange
        var strings = new RecurringStrings(Policy);
        var before = strings.CustomerId("17850.0");

        // Act
        var empty = strings.CustomerId(string.Empty);
        var after = strings.CustomerId("17850.0");

        // Assert: one string for one customer, so the fold's same-customer check by reference still holds.
        Assert.Equal(string.Empty, empty);
        Assert.Same(before, after);
    }
}
