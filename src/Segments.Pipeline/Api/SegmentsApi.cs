using System.Globalization;
using System.Text.Json;
using Segments.Pipeline.Queries;
using Segments.Pipeline.Recompute;

namespace Segments.Pipeline.Api;

/// <summary>The HTTP functions' logic: validate the request, ask the handlers, shape the answer.</summary>
public sealed class SegmentsApi(
    SegmentQueries queries,
    SegmentCatalog catalog,
    RunRequests requests,
    SegmentProfileQueries profiles,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Configuration.SegmentsOptions> options,
    Storage.Deliveries.DeliveryLedger deliveries)
{
    /// <summary>The longest customer id accepted (<see cref="CustomerLookupsApi"/>); table keys allow 1 KiB and ids are far shorter.</summary>
    public const int MaxCustomerIdLength = 256;

    /// <summary>The longest segment name accepted: rule names are at most 100 characters, plus the <c>rule:</c> prefix.</summary>
    public const int MaxSegmentNameLength = 200;

    /// <summary><c>GET /api/segments</c>.</summary>
    public async Task<ApiResponse> ListSegmentsAsync(CancellationToken cancellationToken)
    {
        var segments = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        return segments is null
            ? ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one.")
            : ApiResponse.Ok(segments);
    }

    /// <summary>
    /// <c>GET /api/segments/{name}/profile</c>: the profile of one segment of the active run, named by id
    /// (<c>rfm:Champions</c>) or by a bare name that only one segment has.
    /// </summary>
    public async Task<ApiResponse> GetSegmentProfileAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxSegmentNameLength)
        {
            return ApiResponse.Error(400, "InvalidSegmentName", $"A segment name is 1 to {MaxSegmentNameLength} characters, e.g. rfm:Champions.");
        }

        var found = await profiles.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return found switch
        {
            { Run: null } => ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one."),
            { Segment: null, Candidates.Count: > 1 } => ApiResponse.Error(400, "AmbiguousSegment",
                $"'{name}' names {found.Candidates.Count} segments: {string.Join(", ", found.Candidates.Select(c => c.Id))}. Use one of these ids."),
            { Segment: null } => ApiResponse.Error(404, "SegmentNotFound", $"The active run has no segment '{name}' (see GET /api/segments)."),
            { Profile: null } => ApiResponse.Error(404, "ProfileNotFound", $"Run {found.Run.RunId} has no profile of {found.Segment.Id} (it was computed before segment profiles existed)."),
            _ => ApiResponse.Ok(new SegmentProfileView(found.Run.RunId, found.Run.AsOf, found.Profile)),
        };
    }

    /// <summary>
    /// <c>POST /api/runs</c> with an optional body <c>{"asOf":"YYYY-MM-DD","allowEmpty":false}</c> (<see cref="RunRequestValidator"/>);
    /// 400 when the as-of is before the first order or too long after the latest (<see cref="RecordedOrderDates"/>).
    /// </summary>
    public async Task<ApiResponse> RequestRunAsync(string? body, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // The ledger's order dates check the as-of when the request is made, in the words a run that failed the check
        // would use. When the ledger cannot tell (an accepted row written before it kept dates), the request is
        // accepted and the run, which reads every order, decides as before; the timer's runs are only checked there.
        var recorded = RecordedOrderDates.Of(await queries.ListOrderBatchesAsync(cancellationToken).ConfigureAwait(false));
        var (request, problem) = RunRequestValidator.Parse(body, today, options.Value.MaxAsOfDaysAfterLatestOrder, recorded);
        if (request is null)
        {
            return ApiResponse.Error(400, "InvalidRunRequest", problem ?? "The run request is not valid.");
        }

        var run = await requests.RequestAsync(request.AsOf, "http", cancellationToken, request.AllowEmpty).ConfigureAwait(false);
        return new ApiResponse(202, RunView.Of(run), $"/api/runs/{run.RunId}");
    }

    /// <summary><c>GET /api/runs/{runId}</c>.</summary>
    public async Task<ApiResponse> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await queries.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null
            ? ApiResponse.Error(404, "RunNotFound", $"There is no run '{runId}'.")
            : ApiResponse.Ok(RunView.Of(run).WithDeliveries(Delivery.DeliveryCosts.Sum(await deliveries.ListForRunAsync(run.RunId, cancellationToken).ConfigureAwait(false))));
    }

    /// <summary><c>GET /api/runs</c>: every run, newest first.</summary>
    public async Task<ApiResponse> ListRunsAsync(CancellationToken cancellationToken) =>
        ApiResponse.Ok((await queries.ListRunsAsync(cancellationToken).ConfigureAwait(false)).Select(RunView.Of).ToList());

    /// <summary><c>GET /api/runs?format=csv</c>: every run, newest first, as CSV (as-of, status, durations, customers, costUsd).</summary>
    public async Task<ApiResponse> ListRunsCsvAsync(CancellationToken cancellationToken)
    {
        var csv = RunCsv.Of(await queries.ListRunsAsync(cancellationToken).ConfigureAwait(false));
        return ApiResponse.Streamed(SegmentMembersApi.CsvContentType, (stream, ct) => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(csv), ct).AsTask());
    }

    /// <summary><c>GET /api/batches</c>: the Batches ledger.</summary>
    public async Task<ApiResponse> ListBatchesAsync(CancellationToken cancellationToken) =>
        ApiResponse.Ok(await queries.ListBatchesAsync(cancellationToken).ConfigureAwait(false));
}
