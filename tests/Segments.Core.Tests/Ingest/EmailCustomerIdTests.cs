using System.Text.RegularExpressions;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// E-mail addresses used as customer ids are lower-cased and, by default, replaced by <c>email:</c> and the first
/// 16 bytes of HMAC-SHA256 under the store's key, in hex. Expected hashes were computed independently in Python:
/// <c>hmac.new(key.encode(), email.encode(), hashlib.sha256).digest()[:16].hex()</c>.
/// </summary>
public partial class EmailCustomerIdTests
{
    private const string Header = "customer_id,order_id,order_date,amount";

    [Fact]
    public async Task Email_id_becomes_email_prefix_and_32_hex_characters()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "ann@example.com,O-1,2011-12-09,10.00"));

        // Assert
        Assert.Matches(HashedId(), Assert.Single(run.Lines).CustomerId);
    }

    [Fact]
    public async Task Email_id_is_the_keyed_hash_of_the_trimmed_lower_cased_address()
    {
        // Arrange
        var options = new IngestOptions { EmailHashKey = "store-key-1" };

        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, " Ann@Example.COM ,O-1,2011-12-09,10.00"), options);

        // Assert: HMAC-SHA256("store-key-1", "ann@example.com")[:16] = 091fb351cad2ed0ff5ae2c95181e058a.
        Assert.Equal("email:091fb351cad2ed0ff5ae2c95181e058a", Assert.Single(run.Lines).CustomerId);
    }

    [Fact]
    public async Task Same_email_in_any_case_is_the_same_customer()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(
            Header,
            "ann@example.com,O-1,2011-12-09,10.00",
            "ANN@EXAMPLE.COM,O-2,2011-12-09,10.00",
            "Ann@Example.com,O-3,2011-12-09,10.00"));

        // Assert
        Assert.Single(run.Lines.Select(l => l.CustomerId).Distinct());
    }

    [Fact]
    public async Task Different_store_keys_give_different_ids()
    {
        // Arrange
        var text = ProcessedExport.Text(Header, "ann@example.com,O-1,2011-12-09,10.00");

        // Act
        var first = await ProcessedExport.ProcessAsync(text, new IngestOptions { EmailHashKey = "store-key-1" });
        var second = await ProcessedExport.ProcessAsync(text, new IngestOptions { EmailHashKey = "store-key-2" });

        // Assert: HMAC-SHA256(key, "ann@example.com")[:16] under each key.
        Assert.Equal(
            ("email:091fb351cad2ed0ff5ae2c95181e058a", "email:52efee539120e49314493f1c28996b74"),
            (Assert.Single(first.Lines).CustomerId, Assert.Single(second.Lines).CustomerId));
    }

    [Fact]
    public async Task No_at_sign_remains_in_any_stored_id()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(
            Header,
            "ann@example.com,O-1,2011-12-09,10.00",
            "\"o'brien+shop@mail.example.ie\",O-2,2011-12-09,10.00",
            "@handle,O-3,2011-12-09,10.00"));

        // Assert
        Assert.Equal(3, run.Lines.Count);
        Assert.All(run.Lines, l => Assert.DoesNotContain('@', l.CustomerId));
    }

    [Fact]
    public async Task With_hashing_off_the_email_is_kept_lower_cased()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, "Ann@Example.COM,O-1,2011-12-09,10.00"), new IngestOptions { HashEmails = false });

        // Assert
        Assert.Equal("ann@example.com", Assert.Single(run.Lines).CustomerId);
    }

    [GeneratedRegex("^email:[0-9a-f]{32}$")]
    private static partial Regex HashedId();
}
