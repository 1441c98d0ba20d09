using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Products;

namespace Segments.Cli.Commands;

/// <summary>The events half of <c>segments analyze</c>: read every events file, report it, and analyse them together as a run does.</summary>
internal static class EventsAnalysisStep
{
    /// <summary>The analysis, or null when a file would be rejected (each file's report is printed either way).</summary>
    public static async Task<BehaviourAnalysis?> RunAsync(
        IReadOnlyList<FileInfo> files,
        IngestOptions ingest,
        IEnumerable<CustomerOrder> exportedOrders,
        DateOnly asOf,
        ProductCatalog? catalog,
        CancellationToken cancellationToken)
    {
        var batches = new List<EventBatch>();
        var rejected = false;
        foreach (var file in files)
        {
            var events = new List<BehaviourEvent>();
            var report = await EventFilesReader.ReadAsync(file, ingest, events.Add, cancellationToken).ConfigureAwait(false);
            EventFileReportPrinter.Print(report);
            rejected |= report.IsRejected;

            // The order given on the command line is the arrival order: a later file's GA4 day replaces an earlier one's.
            batches.Add(new EventBatch(batches.Count, events));
        }

        return rejected ? null : BehaviourAnalyzer.Analyze(batches, exportedOrders, asOf, new BehaviourSettings(), catalog);
    }
}
