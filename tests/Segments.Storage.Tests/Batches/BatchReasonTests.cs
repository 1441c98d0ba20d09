using Segments.Storage.Batches;

namespace Segments.Storage.Tests.Batches;

/// <summary>A ledger reason always fits a Table property and reads as one line.</summary>
public class BatchReasonTests
{
    [Fact]
    public void A_reason_over_500_characters_is_cut_with_an_ellipsis()
    {
        var cut = BatchReason.Cut(new string('x', 100_000))!;

        Assert.Equal(500, cut.Length);
        Assert.EndsWith("x…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_a_reason_become_spaces()
    {
        Assert.Equal("attempt 1 failed: boom  at Foo", BatchReason.Cut("attempt 1 failed: boom\n at Foo"));
    }

    [Fact]
    public void A_short_reason_and_no_reason_are_kept_as_they_are()
    {
        Assert.Equal(("no usable row", null), (BatchReason.Cut("no usable row"), BatchReason.Cut(null)));
    }
}
