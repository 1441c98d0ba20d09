using Segments.Pipeline.Ingest;
using Segments.Storage.Account;
using Segments.Storage.Batches;

namespace Segments.Pipeline.Tests.Ingest;

public sealed class ExportKindTests
{
    [Fact]
    public void The_three_kinds_are_orders_profiles_and_events_each_with_its_container_ledger_kind_and_function()
    {
        Assert.Equal(
            [
                (StorageNames.TransactionsContainer, BatchKind.Transactions, "IngestBatch"),
                (StorageNames.CustomersContainer, BatchKind.Profiles, "IngestProfiles"),
                (StorageNames.EventsContainer, BatchKind.Events, "IngestEvents"),
            ],
            ExportKind.All.Select(k => (k.Container, k.LedgerKind, k.FunctionName)));
    }

    [Fact]
    public void Every_kinds_drop_zone_is_a_container_the_product_creates()
    {
        Assert.All(ExportKind.All, kind => Assert.Contains(kind.Container, StorageNames.Containers));
    }

    [Fact]
    public void Normalised_batches_and_error_reports_of_one_blob_name_never_collide_across_kinds()
    {
        var batches = ExportKind.All.Select(k => k.NormalizedBatchName("0123456789abcdef0123456789abcdef")).ToList();
        var reports = ExportKind.All.Select(k => k.ErrorReportName("day1.jsonl")).ToList();

        Assert.Equal(
            ["0123456789abcdef0123456789abcdef.csv.gz", "profiles/0123456789abcdef0123456789abcdef.csv.gz", "events/0123456789abcdef0123456789abcdef.jsonl.gz"],
            batches);
        Assert.Equal(["day1.jsonl.errors.jsonl", "customers/day1.jsonl.errors.jsonl", "events/day1.jsonl.errors.jsonl"], reports);
    }
}
