using System.Globalization;
using System.Text;
using Segments.Core.Profiles;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Api;

/// <summary>
/// Who is in a segment: paged listings and CSV exports of one run, the changes between two runs, and the
/// size in every run. Segments are named as <see cref="SegmentRef"/> names them.
/// </summary>
public sealed class SegmentMembersApi(RunLedger runs, GenerationStore generations, PageTokenCodec tokens)
{
    /// <summary>Customers per page when the request does not say.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page; a bigger listing pages on, or asks for the CSV export.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The content type of segment exports.</summary>
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// <c>GET /api/segments/{name}/customers?pageSize=&amp;continuationToken=&amp;consent=</c>: a page of the active run's
    /// members, or of the run a continuation token pins; with <paramref name="asCsv"/> every member as CSV. With
    /// <paramref name="consent"/> (<c>email</c> or <c>sms</c>) only the members who consented to that channel.
    /// </summary>
    public async Task<ApiResponse> ListCustomersAsync(string name, string? pageSize, string? continuationToken, string? consent, bool asCsv, CancellationToken cancellationToken)
    {
        var (channel, consentProblem) = ParseConsent(consent);
        if (consentProblem is not null)
        {
            return consentProblem;
        }

        var channelName = channel is { } c ? ConsentChannels.NameOf(c) : null;
        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            return ApiResponse.Error(400, "InvalidPageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}; got '{pageSize}'.");
        }

        PageToken? token = null;
        if (!string.IsNullOrEmpty(continuationToken))
        {
            token = tokens.Decode(continuationToken);
            if (token is null)
            {
                return ApiResponse.Error(400, "InvalidContinuationToken", "The continuationToken is not one this API issued, or it was altered: pass back the token of the previous page unchanged, or start again without one.");
            }
        }

        var (run, runProblem) = token is null ? await ActiveRunAsync(cancellationToken).ConfigureAwait(false) : await PinnedRunAsync(token.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return runProblem!;
        }

        var (segment, segmentProblem) = Resolve(name, run);
        if (segment is null)
        {
            return segmentProblem!;
        }

        if (token is not null && !string.Equals(token.SegmentId, segment.Id, StringComparison.Ordinal))
        {
            return ApiResponse.Error(400, "InvalidContinuationToken", $"The continuationToken belongs to the listing of segment '{token.SegmentId}', not '{segment.Id}'.");
        }

        // A token continues one listing: the same filter, or the pages would skip or repeat customers.
        if (token is not null && !string.Equals(token.Consent, channelName, StringComparison.Ordinal))
        {
            return ApiResponse.Error(400, "InvalidContinuationToken", $"The continuationToken belongs to the listing {Filter(token.Consent)}, not {Filter(channelName)}: pass the same consent parameter on every page, or start again without a token.");
        }

        if (await GenerationGoneAsync(run, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            return gone;
        }

        if (asCsv)
        {
            return ApiResponse.Streamed(CsvContentType, (stream, ct) => WriteCsvAsync(stream, run, segment, channel, ct)) with
            {
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"{FileName(segment, run)}\"" },
            };
        }

        var active = new ActiveRun(run.RunId, run.AsOf, run.GenerationTable!, run.BucketCount);
        var page = new List<CustomerLookup>(size);
        GenerationPosition? last = null;
        await foreach (var keyed in generations.ScanAsync(run.GenerationTable!, token?.After, cancellationToken).ConfigureAwait(false))
        {
            if (segment.Contains(keyed.Row) && Reachable(keyed.Row, channel))
            {
                page.Add(SegmentQueries.ToLookup(active, keyed.Row, run) with { Group = GroupIn(keyed.Row, segment) });
                last = keyed.Position;
                if (page.Count == size)
                {
                    break;
                }
            }
        }

        var next = page.Count == size && last is not null ? tokens.Encode(new PageToken(run.RunId, segment.Id, last) { Consent = channelName }) : null;
        return ApiResponse.Ok(new SegmentPage(run.RunId, run.AsOf, segment.Id, page, next)
        {
            Consent = channelName,
            Experiment = run.Experiments.FirstOrDefault(e => string.Equals(e.Segment, segment.Id, StringComparison.Ordinal))?.Name,
        });
    }

    /// <summary>
    /// <c>GET /api/segments/{name}/changes?fromRun=&amp;toRun=&amp;consent=</c>: who entered and who left the segment
    /// between two succeeded runs; toRun defaults to the active run, fromRun to the succeeded run before it. Each
    /// move keeps the customer's A/B group; with <paramref name="consent"/> only customers who consented to that channel.
    /// </summary>
    public async Task<ApiResponse> GetChangesAsync(string name, string? fromRun, string? toRun, string? consent, CancellationToken cancellationToken)
    {
        var (channel, consentProblem) = ParseConsent(consent);
        if (consentProblem is not null)
        {
            return consentProblem;
        }

        var all = await runs.ListAsync(cancellationToken).ConfigureAwait(false);
        RunRecord? to;
        if (string.IsNullOrEmpty(toRun))
        {
            var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
            to = active is null ? null : all.FirstOrDefault(r => r.RunId == active.RunId);
            if (to is null)
            {
                return NoActiveRun();
            }
        }
        else if ((to = all.FirstOrDefault(r => r.RunId == toRun)) is null)
        {
            return RunNotFound(toRun);
        }

        RunRecord? from;
        if (string.IsNullOrEmpty(fromRun))
        {
            from = all.FirstOrDefault(r => r.Status == RunStatus.Succeeded && string.CompareOrdinal(r.RunId, to.RunId) < 0);
            if (from is null)
            {
                return ApiResponse.Error(404, "RunNotFound", $"There is no succeeded run before '{to.RunId}' to compare with; pass fromRun.");
            }
        }
        else if ((from = all.FirstOrDefault(r => r.RunId == fromRun)) is null)
        {
            return RunNotFound(fromRun);
        }

        foreach (var run in new[] { from, to })
        {
            if (run.Status != RunStatus.Succeeded)
            {
                return ApiResponse.Error(404, "RunHasNoSegments", $"Run '{run.RunId}' is {run.Status}: only succeeded runs have segments.");
            }
        }

        // Resolved in the later run first; a segment that no longer exists there is still found in the earlier one.
        var (segment, problem) = Resolve(name, to);
        if (segment is null && problem!.StatusCode == 404)
        {
            (segment, problem) = Resolve(name, from);
        }

        if (segment is null)
        {
            return problem!;
        }

        foreach (var run in new[] { from, to })
        {
            if (await GenerationGoneAsync(run, cancellationToken).ConfigureAwait(false) is { } gone)
            {
                return gone;
            }
        }

        var before = await MembershipAsync(from, segment, cancellationToken).ConfigureAwait(false);
        var after = await MembershipAsync(to, segment, cancellationToken).ConfigureAwait(false);
        // Consent as of toRun when it still scores the customer: the newest answer the two runs give.
        var entered = after.Where(p => p.Value.IsMember && !(before.TryGetValue(p.Key, out var b) && b.IsMember))
            .Select(p => new SegmentMove(p.Key, before.TryGetValue(p.Key, out var b) ? b.FamilyName : null, p.Value.FamilyName) { Group = p.Value.Group, Consent = p.Value.Consent })
            .Where(m => channel is not { } c || m.Consent.Allows(c))
            .OrderBy(m => m.CustomerId, StringComparer.Ordinal).ToList();
        var left = before.Where(p => p.Value.IsMember && !(after.TryGetValue(p.Key, out var a) && a.IsMember))
            .Select(p => after.TryGetValue(p.Key, out var a)
                ? new SegmentMove(p.Key, p.Value.FamilyName, a.FamilyName) { Group = p.Value.Group, Consent = a.Consent }
                : new SegmentMove(p.Key, p.Value.FamilyName, null) { Group = p.Value.Group, Consent = p.Value.Consent })
            .Where(m => channel is not { } c || m.Consent.Allows(c))
            .OrderBy(m => m.CustomerId, StringComparer.Ordinal).ToList();
        return ApiResponse.Ok(new SegmentChanges(segment.Id, new RunPoint(from.RunId, from.AsOf), new RunPoint(to.RunId, to.AsOf), entered, left)
        {
            Consent = channel is { } named ? ConsentChannels.NameOf(named) : null,
        });
    }

    /// <summary><c>GET /api/segments/{name}/history</c>: the segment's size in every succeeded run, oldest first.</summary>
    public async Task<ApiResponse> GetHistoryAsync(string name, CancellationToken cancellationToken)
    {
        var succeeded = (await runs.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.Status == RunStatus.Succeeded).ToList();
        if (succeeded.Count == 0)
        {
            return NoActiveRun();
        }

        // Newest first: the name means what the latest run that knows it means.
        ApiResponse? problem = null;
        SegmentRef? segment = null;
        foreach (var run in succeeded)
        {
            (segment, problem) = Resolve(name, run);
            if (segment is not null || problem!.StatusCode != 404)
            {
                break;
            }
        }

        if (segment is null)
        {
            return problem!;
        }

        var points = succeeded.OrderBy(r => r.RunId, StringComparer.Ordinal)
            .Select(r => new SegmentHistoryPoint(r.RunId, r.AsOf, r.FinishedAt, SegmentFamily.SizeIn(segment, r)))
            .ToList();
        return ApiResponse.Ok(new SegmentHistory(segment.Id, points));
    }

    /// <summary>The segment a request names in <paramref name="run"/>, or the 404 / 400 to answer.</summary>
    public static (SegmentRef? Segment, ApiResponse? Problem) Resolve(string name, RunRecord run)
    {
        var (segment, candidates) = SegmentRef.Resolve(name, run);
        if (segment is not null)
        {
            return (segment, null);
        }

        return candidates.Count > 1
            ? (null, ApiResponse.Error(400, "AmbiguousSegment", $"'{name}' names more than one segment of run {run.RunId}: use one of {string.Join(", ", candidates.Select(c => c.Id))}."))
            : (null, ApiResponse.Error(404, "SegmentNotFound", $"Run {run.RunId} has no segment '{name}'. GET /api/segments lists them with their ids (e.g. rfm:Champions, lifecycle:At Risk, cluster:1, rule:Name, behaviour:Cart Abandoners)."));
    }

    private async Task<(RunRecord? Run, ApiResponse? Problem)> ActiveRunAsync(CancellationToken cancellationToken)
    {
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var run = active is null ? null : await runs.GetAsync(active.RunId, cancellationToken).ConfigureAwait(false);
        return run is null ? (null, NoActiveRun()) : (run, null);
    }

    private async Task<(RunRecord? Run, ApiResponse? Problem)> PinnedRunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null
            ? (null, ApiResponse.Error(410, "GenerationGone", $"Run {runId}, which this continuationToken pages through, is no longer kept; start the listing again without a token."))
            : (run, null);
    }

    private async Task<ApiResponse?> GenerationGoneAsync(RunRecord run, CancellationToken cancellationToken) =>
        run.GenerationTable is { } table && await generations.ExistsAsync(table, cancellationToken).ConfigureAwait(false)
            ? null
            : ApiResponse.Error(410, "GenerationGone", $"The customer rows of run {run.RunId} are no longer kept (only the newest generations are); use a newer run, or start the listing again without a token.");

    private async Task<Dictionary<string, (bool IsMember, string? FamilyName, string? Group, MarketingConsent Consent)>> MembershipAsync(RunRecord run, SegmentRef segment, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, (bool, string?, string?, MarketingConsent)>(StringComparer.Ordinal);
        await foreach (var keyed in generations.ScanAsync(run.GenerationTable!, null, cancellationToken).ConfigureAwait(false))
        {
            var row = keyed.Row;
            members[row.CustomerId] = (segment.Contains(row), SegmentFamily.FamilyNameOf(segment.Kind, row), GroupIn(row, segment), MarketingConsent.Of(row.Profile));
        }

        return members;
    }

    /// <summary>The consent filter a request names: none, a channel, or the 400 for a name that is neither.</summary>
    private static (ConsentChannel? Channel, ApiResponse? Problem) ParseConsent(string? consent)
    {
        if (string.IsNullOrEmpty(consent))
        {
            return (null, null);
        }

        return ConsentChannels.TryParse(consent, out var channel)
            ? (channel, null)
            : (null, ApiResponse.Error(400, "InvalidConsentChannel", $"consent must be one of {string.Join(", ", ConsentChannels.Names)}; got '{consent}'."));
    }

    private static bool Reachable(CustomerSegmentRow row, ConsentChannel? channel) =>
        channel is not { } c || MarketingConsent.Of(row.Profile).Allows(c);

    /// <summary>The customer's group in the experiment on <paramref name="segment"/>; null when the segment has none.</summary>
    private static string? GroupIn(CustomerSegmentRow row, SegmentRef segment) =>
        row.ExperimentGroups.FirstOrDefault(g => string.Equals(g.Segment, segment.Id, StringComparison.Ordinal))?.Group;

    private static string Filter(string? consent) => consent is null ? "without a consent filter" : $"filtered by consent={consent}";

    private async Task WriteCsvAsync(Stream stream, RunRecord run, SegmentRef segment, ConsentChannel? channel, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(CsvCell.Line(SegmentCsv.Header)).ConfigureAwait(false);
            await foreach (var keyed in generations.ScanAsync(run.GenerationTable!, null, cancellationToken).ConfigureAwait(false))
            {
                if (segment.Contains(keyed.Row) && Reachable(keyed.Row, channel))
                {
                    await writer.WriteAsync(CsvCell.Line(SegmentCsv.Cells(run.RunId, run.AsOf, keyed.Row, GroupIn(keyed.Row, segment)))).ConfigureAwait(false);
                }
            }
        }
    }

    private static string FileName(SegmentRef segment, RunRecord run) =>
        new string($"{segment.Id}-{run.RunId}.csv".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    private static ApiResponse NoActiveRun() => ApiResponse.Error(404, "NoActiveRun", "No recompute has completed yet: POST /api/runs to start one.");

    private static ApiResponse RunNotFound(string runId) => ApiResponse.Error(404, "RunNotFound", $"There is no run '{runId}'.");
}
