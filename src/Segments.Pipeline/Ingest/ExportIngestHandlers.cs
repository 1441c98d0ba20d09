using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Pipeline.Cost;

namespace Segments.Pipeline.Ingest;

/// <summary>The one ingest pipeline's handler for each export kind (<see cref="ExportKind.All"/>).</summary>
public sealed class ExportIngestHandlers
{
    private readonly Dictionary<ExportKind, ExportIngestHandler> _byKind;

    internal ExportIngestHandlers(
        IEnumerable<IExportProcessing> processings,
        StorageAccount account,
        BatchLedger ledger,
        NormalizedBatchStore normalized,
        ErrorReportStore errorReports,
        CostAccounting costs,
        TimeProvider time)
    {
        _byKind = processings.ToDictionary(p => p.Kind, p => new ExportIngestHandler(p, account, ledger, normalized, errorReports, costs, time));
        All = ExportKind.All.Select(kind => _byKind[kind]).ToList();
    }

    /// <summary>Every kind's handler, in <see cref="ExportKind.All"/>'s order.</summary>
    public IReadOnlyList<ExportIngestHandler> All { get; }

    /// <summary>Order exports in <c>transactions</c>.</summary>
    public ExportIngestHandler Orders => For(ExportKind.Orders);

    /// <summary>Customer (profile) exports in <c>customers</c>.</summary>
    public ExportIngestHandler Profiles => For(ExportKind.Profiles);

    /// <summary>Behaviour-event exports in <c>events</c>.</summary>
    public ExportIngestHandler Events => For(ExportKind.Events);

    /// <summary>The handler of one kind.</summary>
    public ExportIngestHandler For(ExportKind kind) => _byKind[kind];
}
