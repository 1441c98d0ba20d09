using Segments.Pipeline.Api;

namespace Segments.Pipeline.Tests.Api;

public sealed class BoundedReadStreamTests
{
    [Fact]
    public async Task A_body_of_exactly_the_limit_reads_whole()
    {
        using var stream = new BoundedReadStream(new MemoryStream(new byte[1000]), 1000, "Limit");
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(1000, copy.Length);
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_throws_naming_the_limit_and_setting_having_read_no_more_than_the_limit_and_one()
    {
        var inner = new MemoryStream(new byte[100_000]);
        using var stream = new BoundedReadStream(inner, 1000, "Segments:MaxLookupBodyBytes");

        var error = await Assert.ThrowsAsync<RequestBodyTooLargeException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(1000, error.LimitBytes);
        Assert.Contains("Segments:MaxLookupBodyBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1001, inner.Position);
    }
}
