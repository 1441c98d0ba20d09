using Segments.Core.Ingest;
using Segments.Core.Segmentation;

namespace Segments.Core.Tests.Segmentation;

/// <summary>The shipped sample (<c>samples/online-retail-sample.csv</c>, what <c>scripts/run-local.sh</c> uploads) through the engine, as of 2011-12-10.</summary>
internal static class ShippedSample
{
    public static DateOnly AsOf { get; } = new(2011, 12, 10);

    public static async Task<SegmentationResult> ComputeAsync(PredictionOptions? options = null)
    {
        var engine = new SegmentationEngine(AsOf, options);
        await using var stream = File.OpenRead(Path());
        var report = await new ExportProcessor(ExportContext.Default).ProcessAsync(
            stream,
            new ExportSource("online-retail-sample.csv"),
            line =>
            {
                engine.Add(line);
                return ValueTask.CompletedTask;
            },
            _ => ValueTask.CompletedTask,
            CancellationToken.None);
        Assert.Null(report.Rejection);
        return engine.Compute([]);
    }

    private static string Path()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "samples", "online-retail-sample.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/online-retail-sample.csv not found above " + AppContext.BaseDirectory);
    }
}
