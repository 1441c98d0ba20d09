using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Segments.Core.Recommendations;
using Segments.Pipeline.Queries;

namespace Segments.Pipeline.Api;

/// <summary>
/// Recommendations of the active run: one customer's next products, or the products a segment's members are most
/// likely to buy next; JSON, or with <c>Accept: text/csv</c> the same rows as <c>segments recommend --out</c> writes.
/// </summary>
public sealed class RecommendationsApi(RecommendationQueries queries, Storage.Generations.GenerationStore generations, IOptions<Core.Ingest.IngestOptions> ingest)
{
    private const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary><c>GET /api/customers/{customerId}/recommendations</c>.</summary>
    public async Task<ApiResponse> GetCustomerAsync(string customerId, bool asCsv, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Length > SegmentsApi.MaxCustomerIdLength)
        {
            return ApiResponse.Error(400, "InvalidCustomerId", $"A customer id is 1 to {SegmentsApi.MaxCustomerIdLength} characters.");
        }

        var (run, set) = await queries.ActiveAsync(cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one.");
        }

        if (set is null)
        {
            return ApiResponse.Error(404, "RecommendationsNotFound", $"Run {run.RunId} has no recommendations (computed before they existed, or turned off by Segments:Recommendations:Enabled).");
        }

        // Normalised exactly as at ingest, so an e-mail id is looked up by its keyed hash.
        var id = new Core.Transactions.CustomerIdPolicy(ingest.Value).Normalize(customerId);
        if (await queries.CustomerAsync(set, id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return ApiResponse.Error(404, "CustomerNotFound", $"Customer '{id}' is not in the active run's segments (unknown, not scored, or no run has completed yet).");
        }

        return asCsv
            ? Csv([found], $"recommendations-{id}-{run.AsOf:yyyy-MM-dd}.csv")
            : ApiResponse.Ok(new CustomerRecommendationsView(id, run.RunId, run.AsOf, found.Model.ToString(), found.Fallback, found.Items));
    }

    /// <summary><c>GET /api/segments/{name}/recommendations</c>; with CSV, every member's list.</summary>
    public async Task<ApiResponse> GetSegmentAsync(string name, bool asCsv, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > SegmentsApi.MaxSegmentNameLength)
        {
            return ApiResponse.Error(400, "InvalidSegmentName", $"A segment name is 1 to {SegmentsApi.MaxSegmentNameLength} characters, e.g. rfm:Champions.");
        }

        var (run, set) = await queries.ActiveAsync(cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one.");
        }

        var (segment, candidates) = SegmentRef.Resolve(name, run);
        if (segment is null)
        {
            return candidates.Count > 1
                ? ApiResponse.Error(400, "AmbiguousSegment", $"'{name}' names {candidates.Count} segments: {string.Join(", ", candidates.Select(c => c.Id))}. Use one of these ids.")
                : ApiResponse.Error(404, "SegmentNotFound", $"The active run has no segment '{name}' (see GET /api/segments).");
        }

        if (set is null || !set.Segments.TryGetValue(segment.Id, out var products))
        {
            return ApiResponse.Error(404, "RecommendationsNotFound", $"Run {run.RunId} has no recommendations for {segment.Id} (computed before they existed, or turned off by Segments:Recommendations:Enabled).");
        }

        if (asCsv && run.GenerationTable is { } table)
        {
            // Every member's own list, members read from the run's generation as the member listing reads them.
            var members = new List<CustomerRecommendations>();
            await foreach (var keyed in generations.ScanAsync(table, null, cancellationToken).ConfigureAwait(false))
            {
                if (segment.Contains(keyed.Row) && await queries.CustomerAsync(set, keyed.Row.CustomerId, cancellationToken).ConfigureAwait(false) is { } list)
                {
                    members.Add(list);
                }
            }

            return Csv(members, $"recommendations-{segment.Id.Replace(':', '-').Replace(' ', '-')}-{run.AsOf:yyyy-MM-dd}.csv");
        }

        return ApiResponse.Ok(new SegmentRecommendationsView(run.RunId, run.AsOf, segment.Id, set.Summary.Served.ToString(), products));
    }

    private static ApiResponse Csv(IEnumerable<CustomerRecommendations> lists, string fileName) =>
        ApiResponse.Streamed(CsvContentType, async (stream, ct) =>
        {
            var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(CsvCell.Line(["customer_id", "rank", "product", "score", "reason"])).ConfigureAwait(false);
                foreach (var list in lists)
                {
                    ct.ThrowIfCancellationRequested();
                    foreach (var item in list.Items)
                    {
                        await writer.WriteAsync(CsvCell.Line(
                            [list.CustomerId, item.Rank.ToString(CultureInfo.InvariantCulture), item.Product, item.Score.ToString("R", CultureInfo.InvariantCulture), item.Reason])).ConfigureAwait(false);
                    }
                }
            }
        }) with
        {
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"{fileName}\"" },
        };
}
