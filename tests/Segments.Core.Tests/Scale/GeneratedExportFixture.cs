using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Scale;

/// <summary>A generated export (150,000 rows, seed 7: about 1,500 customers over a year) and the whole-population engine's result on it.</summary>
public sealed class GeneratedExportFixture : IAsyncLifetime
{
    public List<TransactionLine> Lines { get; private set; } = [];

    public DateOnly AsOf { get; private set; }

    public SegmentationResult Whole { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Lines = await BucketedRun.GeneratedAsync(150_000, seed: 7);
        AsOf = BucketedRun.DayAfterLatest(Lines);
        Whole = BucketedRun.Whole(Lines, AsOf);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
