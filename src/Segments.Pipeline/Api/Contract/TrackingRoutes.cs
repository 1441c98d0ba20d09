using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Tracking;

namespace Segments.Pipeline.Api.Contract;

/// <summary>
/// The Segment-compatible tracking API: Segment's own paths (<c>/v1/batch</c> …) under <c>/api</c>, so an SDK needs
/// only its host (and, where it asks for it, the path) changed. Anonymous to the Functions runtime: the write key is
/// checked by <see cref="TrackingApi"/> in both hosts, since SDKs send it as HTTP Basic credentials, not as a
/// function key.
/// </summary>
public static class TrackingRoutes
{
    /// <summary>The folder of the routes, as Segment's API names it.</summary>
    public const string Folder = "v1";

    /// <summary>The template of the batch call.</summary>
    public const string Batch = Folder + "/batch";

    /// <summary>The template of the track call.</summary>
    public const string Track = Folder + "/track";

    /// <summary>The template of the identify call.</summary>
    public const string Identify = Folder + "/identify";

    /// <summary>The template of the page call.</summary>
    public const string Page = Folder + "/page";

    /// <summary>The template of the screen call.</summary>
    public const string Screen = Folder + "/screen";

    /// <summary>The template of the alias call.</summary>
    public const string Alias = Folder + "/alias";

    /// <summary>The template of the group call.</summary>
    public const string Group = Folder + "/group";

    /// <summary><c>POST /api/v1/batch</c>.</summary>
    public static ApiRoute TrackBatch { get; } = Route(nameof(TrackBatch), Batch);

    /// <summary><c>POST /api/v1/track</c>.</summary>
    public static ApiRoute TrackEvent { get; } = Route(nameof(TrackEvent), Track);

    /// <summary><c>POST /api/v1/identify</c>.</summary>
    public static ApiRoute TrackIdentify { get; } = Route(nameof(TrackIdentify), Identify);

    /// <summary><c>POST /api/v1/page</c>.</summary>
    public static ApiRoute TrackPage { get; } = Route(nameof(TrackPage), Page);

    /// <summary><c>POST /api/v1/screen</c>.</summary>
    public static ApiRoute TrackScreen { get; } = Route(nameof(TrackScreen), Screen);

    /// <summary><c>POST /api/v1/alias</c>.</summary>
    public static ApiRoute TrackAlias { get; } = Route(nameof(TrackAlias), Alias);

    /// <summary><c>POST /api/v1/group</c>.</summary>
    public static ApiRoute TrackGroup { get; } = Route(nameof(TrackGroup), Group);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [TrackBatch, TrackEvent, TrackIdentify, TrackPage, TrackScreen, TrackAlias, TrackGroup];

    /// <summary>The call each route answers.</summary>
    public static IReadOnlyDictionary<string, TrackingCall> Calls { get; } = new Dictionary<string, TrackingCall>(StringComparer.Ordinal)
    {
        [TrackBatch.Name] = TrackingCall.Batch,
        [TrackEvent.Name] = TrackingCall.Track,
        [TrackIdentify.Name] = TrackingCall.Identify,
        [TrackPage.Name] = TrackingCall.Page,
        [TrackScreen.Name] = TrackingCall.Screen,
        [TrackAlias.Name] = TrackingCall.Alias,
        [TrackGroup.Name] = TrackingCall.Group,
    };

    /// <summary>Whether <paramref name="path"/> (e.g. <c>/api/v1/batch</c>) is one of these routes: their body limit is Segment's 500 KB.</summary>
    public static bool Covers(string path) =>
        path.StartsWith("/" + ApiContract.Prefix + "/" + Folder + "/", StringComparison.OrdinalIgnoreCase)
        && All.Any(route => route.Path.Equals(path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Answers <paramref name="route"/>.</summary>
    public static Task<ApiResponse> AcceptAsync(TrackingApi api, ApiRoute route, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(route);
        return api.AcceptAsync(Calls[route.Name], request, cancellationToken);
    }

    private static ApiRoute Route(string name, string template) =>
        new(name, ApiMethods.Post, template, ApiKeyLevel.Anonymous) { TakesWriteKey = true };
}
