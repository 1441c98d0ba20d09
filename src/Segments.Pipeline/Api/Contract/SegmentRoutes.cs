using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Api.Contract;

/// <summary>Segment listings, members (pages or CSV), changes between runs, history and profiles.</summary>
public static class SegmentRoutes
{
    /// <summary>The template of the listing.</summary>
    public const string Segments = "segments";

    /// <summary>The template of a segment's members.</summary>
    public const string Customers = "segments/{name}/customers";

    /// <summary>The template of a segment's changes.</summary>
    public const string Changes = "segments/{name}/changes";

    /// <summary>The template of a segment's history.</summary>
    public const string History = "segments/{name}/history";

    /// <summary>The template of a segment's profile.</summary>
    public const string Profile = "segments/{name}/profile";

    /// <summary>Page size, 1 to 1000.</summary>
    public static ApiParameter PageSize { get; } = ApiParameter.Query("pageSize");

    /// <summary>The signed token of the next page.</summary>
    public static ApiParameter ContinuationToken { get; } = ApiParameter.Query("continuationToken");

    /// <summary>Only customers who consented to a channel.</summary>
    public static ApiParameter Consent { get; } = ApiParameter.Query("consent", "email or sms: only customers who consented to that channel.");

    /// <summary>The earlier run of a comparison.</summary>
    public static ApiParameter FromRun { get; } = ApiParameter.Query("fromRun");

    /// <summary>The later run of a comparison.</summary>
    public static ApiParameter ToRun { get; } = ApiParameter.Query("toRun");

    /// <summary><c>GET /api/segments</c>.</summary>
    public static ApiRoute ListSegments { get; } = new(nameof(ListSegments), ApiMethods.Get, Segments, ApiKeyLevel.Function);

    /// <summary><c>GET /api/segments/{name}/customers</c>.</summary>
    public static ApiRoute ListSegmentCustomers { get; } = new(nameof(ListSegmentCustomers), ApiMethods.Get, Customers, ApiKeyLevel.Function) { Parameters = [PageSize, ContinuationToken, Consent] };

    /// <summary><c>GET /api/segments/{name}/changes</c>.</summary>
    public static ApiRoute GetSegmentChanges { get; } = new(nameof(GetSegmentChanges), ApiMethods.Get, Changes, ApiKeyLevel.Function) { Parameters = [FromRun, ToRun, Consent] };

    /// <summary><c>GET /api/segments/{name}/history</c>.</summary>
    public static ApiRoute GetSegmentHistory { get; } = new(nameof(GetSegmentHistory), ApiMethods.Get, History, ApiKeyLevel.Function);

    /// <summary><c>GET /api/segments/{name}/profile</c>.</summary>
    public static ApiRoute GetSegmentProfile { get; } = new(nameof(GetSegmentProfile), ApiMethods.Get, Profile, ApiKeyLevel.Function);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [ListSegments, ListSegmentCustomers, GetSegmentChanges, GetSegmentHistory, GetSegmentProfile];

    /// <summary>Answers <see cref="ListSegmentCustomers"/>: a page, or with <c>Accept: text/csv</c> the whole segment.</summary>
    public static Task<ApiResponse> ListSegmentCustomersAsync(SegmentMembersApi api, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.ListCustomersAsync(name, request.Read(PageSize), request.Read(ContinuationToken), request.Read(Consent), request.WantsCsv(), cancellationToken);
    }

    /// <summary>Answers <see cref="GetSegmentChanges"/>.</summary>
    public static Task<ApiResponse> GetSegmentChangesAsync(SegmentMembersApi api, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.GetChangesAsync(name, request.Read(FromRun), request.Read(ToRun), request.Read(Consent), cancellationToken);
    }
}
