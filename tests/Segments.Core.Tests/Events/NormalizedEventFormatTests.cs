using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class NormalizedEventFormatTests
{
    [Fact]
    public async Task An_event_reads_back_as_it_was_written()
    {
        // Arrange
        var written = new BehaviourEvent("m1", "email:ab12", "anon-1", EventKind.ProductAdded, new DateTimeOffset(2024, 3, 20, 10, 0, 0, 123, TimeSpan.Zero), ["P1", "P2"], 12.34m, 2, "o-9", "add_to_cart", "ga4:20240320");
        using var text = new StringWriter();
        await NormalizedEventFormat.WriteHeaderAsync(text);
        await NormalizedEventFormat.WriteAsync(text, written);

        // Act
        var read = await NormalizedEventFormat.ReadAsync(new StringReader(text.ToString())).ToListAsync();

        // Assert
        var only = Assert.Single(read);
        Assert.Equal(written with { ProductIds = only.ProductIds }, only);
        Assert.Equal(["P1", "P2"], only.ProductIds);
    }

    [Fact]
    public async Task Optional_fields_stay_absent()
    {
        // Arrange
        var written = new BehaviourEvent(null, null, "anon-1", EventKind.PageViewed, new DateTimeOffset(2024, 3, 20, 10, 0, 0, TimeSpan.Zero), [], null, 0, null, "page", null);

        // Act
        var line = NormalizedEventFormat.Serialize(written);
        var read = NormalizedEventFormat.Parse(line);

        // Assert
        Assert.Equal("""{"anonymousId":"anon-1","kind":"PageViewed","timestamp":"2024-03-20T10:00:00.0000000Z","productIds":[],"quantity":0,"name":"page"}""", line);
        Assert.Equal((null, null, null, (decimal?)null), (read.MessageId, read.UserId, read.OrderId, read.Value));
    }

    [Fact]
    public async Task A_batch_without_the_header_is_refused()
    {
        // Act
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await NormalizedEventFormat.ReadAsync(new StringReader("customer_id,order_id\n")).ToListAsync());

        // Assert
        Assert.Contains("not a normalised events batch", error.Message, StringComparison.Ordinal);
    }
}
