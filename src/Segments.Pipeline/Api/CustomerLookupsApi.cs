using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Queries;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Api;

/// <summary>
/// Customer lookups as marketing tools make them: one customer with an ETag (304 when the client's copy is
/// current), or up to <see cref="MaxBatchIds"/> at once, answered from memory after the first read.
/// </summary>
public sealed class CustomerLookupsApi(ActiveRunCache activeRun, CustomerCache cache, IOptions<Core.Ingest.IngestOptions> ingest, IOptions<SegmentsOptions> options, RecommendationQueries? recommendations = null)
{
    /// <summary>The most ids one batch lookup takes.</summary>
    public const int MaxBatchIds = 1000;

    // Point reads in flight per batch: enough to hide the round trip, few enough not to flood the account.
    private const int ParallelReads = 32;

    /// <summary>
    /// <c>GET /api/customers/{customerId}</c>. <paramref name="bypassCache"/> (request <c>Cache-Control: no-cache</c>)
    /// reads the pointer and the row from storage again.
    /// </summary>
    public Task<ApiResponse> GetAsync(string customerId, string? ifNoneMatch, bool bypassCache, CancellationToken cancellationToken) =>
        GetAsync(customerId, ifNoneMatch, bypassCache, includeRecommendations: false, cancellationToken);

    /// <summary>
    /// As above; <paramref name="includeRecommendations"/> (<c>include=recommendations</c>) adds the customer's
    /// recommendations under <c>recommendations</c>. That answer has its own content, so its own ETag.
    /// </summary>
    public async Task<ApiResponse> GetAsync(string customerId, string? ifNoneMatch, bool bypassCache, bool includeRecommendations, CancellationToken cancellationToken)
    {
        if (Problem(customerId) is { } problem)
        {
            return ApiResponse.Error(400, "InvalidCustomerId", problem);
        }

        var (run, stale) = await activeRun.ReadAsync(bypassCache, cancellationToken).ConfigureAwait(false);
        var id = Normalize(customerId);
        var found = run is null ? null : await cache.GetAsync(run, id, bypassCache, cancellationToken).ConfigureAwait(false);
        if (found?.Json is null || found.ETag is null)
        {
            return ApiResponse.Error(404, "CustomerNotFound", $"Customer '{id}' is not in the active run's segments (unknown, not scored, or no run has completed yet).");
        }

        var (json, etag) = (found.Json, found.ETag);
        if (includeRecommendations && await RecommendationsOfAsync(run!, id, cancellationToken).ConfigureAwait(false) is { } view)
        {
            // Built from the cached lookup; the recommendations themselves are held in memory per run (RecommendationQueries).
            json = CustomerETag.Serialize(found.Lookup! with { Recommendations = view });
            etag = CustomerETag.Of(run!.RunId, json);
        }

        var headers = new Dictionary<string, string>
        {
            ["ETag"] = etag,
            // A client may reuse its copy as long as this instance may serve the cached pointer.
            ["Cache-Control"] = string.Create(CultureInfo.InvariantCulture, $"private, max-age={Math.Max(0, options.Value.ActiveRunCacheSeconds)}"),
        };
        MarkStale(headers, stale);
        return CustomerETag.Matches(ifNoneMatch, etag)
            ? new ApiResponse(304, null) { Headers = headers }
            : ApiResponse.Json(json) with { Headers = headers };
    }

    /// <summary>The customer's recommendations in <paramref name="run"/>; null when the run has none for them.</summary>
    private async Task<CustomerRecommendationsView?> RecommendationsOfAsync(ActiveRun run, string id, CancellationToken cancellationToken)
    {
        if (recommendations is null)
        {
            return null;
        }

        var (recommendedRun, set) = await recommendations.ActiveAsync(cancellationToken).ConfigureAwait(false);
        return recommendedRun?.RunId == run.RunId && set is not null && await recommendations.CustomerAsync(set, id, cancellationToken).ConfigureAwait(false) is { } list
            ? new CustomerRecommendationsView(id, run.RunId, run.AsOf, list.Model.ToString(), list.Fallback, list.Items)
            : null;
    }

    /// <summary>
    /// <c>POST /api/customers/lookup</c> with <c>{"ids":[...]}</c>: one result per id, in request order. The body is
    /// parsed as it is read; its size is capped by the host (<see cref="ApiRequestGuard"/>, <see cref="SegmentsOptions.MaxLookupBodyBytes"/>).
    /// </summary>
    public Task<ApiResponse> LookupManyAsync(Stream body, bool bypassCache, CancellationToken cancellationToken) =>
        LookupManyAsync(body, bypassCache, includeRecommendations: false, cancellationToken);

    /// <summary>As above; <paramref name="includeRecommendations"/> (<c>include=recommendations</c>) adds each found customer's recommendations.</summary>
    public async Task<ApiResponse> LookupManyAsync(Stream body, bool bypassCache, bool includeRecommendations, CancellationToken cancellationToken)
    {
        var (ids, problem) = await ParseIdsAsync(body, cancellationToken).ConfigureAwait(false);
        if (ids is null)
        {
            return ApiResponse.Error(400, "InvalidLookupRequest", problem!);
        }

        var (run, stale) = await activeRun.ReadAsync(bypassCache, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one.");
        }

        var results = new CustomerLookupResult[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var found = await cache.GetAsync(run, Normalize(ids[i]), bypassCache, ct).ConfigureAwait(false);
                results[i] = new CustomerLookupResult(ids[i], found.Lookup is not null, found.Lookup);
            }).ConfigureAwait(false);
        if (includeRecommendations && recommendations is not null)
        {
            var (recommendedRun, set) = await recommendations.ActiveAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < results.Length; i++)
            {
                var id = Normalize(ids[i]);
                if (results[i].Found && recommendedRun?.RunId == run.RunId && set is not null && await recommendations.CustomerAsync(set, id, cancellationToken).ConfigureAwait(false) is { } list)
                {
                    results[i] = results[i] with { Recommendations = new CustomerRecommendationsView(id, run.RunId, run.AsOf, list.Model.ToString(), list.Fallback, list.Items) };
                }
            }
        }

        var headers = new Dictionary<string, string>();
        MarkStale(headers, stale);
        return ApiResponse.Ok(new CustomerLookupResults(run.RunId, run.AsOf, results.Count(r => r.Found), results)) with { Headers = headers };
    }

    /// <summary>
    /// Reads <c>{"ids":[...]}</c> from <paramref name="body"/> as it arrives (no copy of the whole body as a string):
    /// 1 to <see cref="MaxBatchIds"/> valid ids, or what is wrong with the body.
    /// </summary>
    public static async Task<(IReadOnlyList<string>? Ids, string? Problem)> ParseIdsAsync(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        const string Shape = "The body must be {\"ids\":[\"id1\",\"id2\",...]}";
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("ids", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, Shape + ".");
            }

            var count = array.GetArrayLength();
            if (count == 0 || count > MaxBatchIds)
            {
                return (null, $"A lookup takes 1 to {MaxBatchIds} ids; this one has {count}. Split larger lists into several requests.");
            }

            var ids = new List<string>(count);
            foreach (var element in array.EnumerateArray())
            {
                var id = element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.Number => element.GetRawText(),
                    _ => null,
                };
                if (id is null || Problem(id) is { } problem)
                {
                    return (null, $"ids[{ids.Count}] is not a customer id: {(id is null ? "use a string" : Problem(id))}");
                }

                ids.Add(id);
            }

            return (ids, null);
        }
        catch (JsonException ex) when (ex.LineNumber == 0 && ex.BytePositionInLine == 0)
        {
            return (null, Shape + "; it is empty.");
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Response header set (to <c>true</c>) when the answer comes from memory because storage did not answer: the active run may have moved on since.</summary>
    public const string StaleHeader = "X-Segments-Stale";

    private static void MarkStale(Dictionary<string, string> headers, bool stale)
    {
        if (stale)
        {
            headers[StaleHeader] = "true";
        }
    }

    private static string? Problem(string customerId) =>
        string.IsNullOrWhiteSpace(customerId) || customerId.Length > SegmentsApi.MaxCustomerIdLength
            ? $"A customer id is 1 to {SegmentsApi.MaxCustomerIdLength} characters."
            : null;

    // Normalised exactly as at ingest, so an e-mail id is looked up by its keyed hash.
    private string Normalize(string customerId) => new Core.Transactions.CustomerIdPolicy(ingest.Value).Normalize(customerId);
}

/// <summary>The answer to a batch lookup: the run, how many were found, and one result per requested id.</summary>
public sealed record CustomerLookupResults(string RunId, DateOnly AsOf, int Found, IReadOnlyList<CustomerLookupResult> Results);

/// <summary>One requested id: found or not, and the customer when found.</summary>
/// <param name="CustomerId">The id as requested.</param>
/// <param name="Found">Whether the active run has the customer.</param>
/// <param name="Customer">The lookup, as <c>GET /api/customers/{id}</c> answers it; absent when not found.</param>
public sealed record CustomerLookupResult(
    string CustomerId,
    bool Found,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CustomerLookup? Customer)
{
    /// <summary>The customer's recommendations, when the request asked with <c>include=recommendations</c> and the run has them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomerRecommendationsView? Recommendations { get; init; }
}
