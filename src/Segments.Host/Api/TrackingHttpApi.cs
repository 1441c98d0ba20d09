using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Tracking;

namespace Segments.Host.Api;

/// <summary>The Segment-compatible tracking API, one endpoint per call of <see cref="TrackingRoutes"/>.</summary>
internal static class TrackingHttpApi
{
    private const string Limits = "Limits as Segment's: 32 KB a message (and a single call's body), 500 KB a batch; over them 413 (RequestTooLarge, MessageTooLarge) naming the limit. ";

    private const string Durability = "200 {\"success\":true} only once the messages are stored as one JSON Lines blob in the events container (events/tracking/yyyy/MM/dd/HH/{id}.jsonl), from which the blob path ingests them. ";

    private const string Completion = "A message without messageId gets one, without timestamp the time it was received; receivedAt is added, and the batch's sentAt, context and integrations go into each message. ";

    private const string Refusals = "401 without a valid write key (Segments:WriteKeys; HTTP Basic with the key as user name, or writeKey in the body); 400 for a body that is not JSON, or a message the ingest would reject (a track without event, neither userId nor anonymousId, a timestamp without offset or over a day ahead), naming the message; a batch is stored whole or not at all.";

    public static RouteGroupBuilder MapTrackingApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(TrackingRoutes.TrackBatch, Handler(TrackingRoutes.TrackBatch))
            .Describe("Several messages at once (Segment /v1/batch)", "Body {\"batch\":[messages],\"sentAt\",\"context\",\"integrations\"}, as analytics-node and RudderStack send it. " + Durability + Completion + Limits + Refusals)
            .DocumentsBody<TrackingBatchBody>()
            .Produces<TrackingAccepted>(200)
            .ProducesErrors(400, 401, 413)
            .WithTags("Tracking");
        Single(api, TrackingRoutes.TrackEvent, "An event (Segment /v1/track)", "event and properties (e-commerce spec v2 names: Product Viewed, Product Added, Checkout Started, Order Completed).");
        Single(api, TrackingRoutes.TrackIdentify, "Who a user is (Segment /v1/identify)", "userId and/or anonymousId, and traits; links an anonymousId to its userId.");
        Single(api, TrackingRoutes.TrackPage, "A page view (Segment /v1/page)", "name and properties of a web page view.");
        Single(api, TrackingRoutes.TrackScreen, "A screen view (Segment /v1/screen)", "name and properties of an app screen view.");
        Single(api, TrackingRoutes.TrackAlias, "Links two ids (Segment /v1/alias)", "previousId and userId.");
        Single(api, TrackingRoutes.TrackGroup, "A user's group (Segment /v1/group)", "groupId and traits of the account or company.");
        return api;
    }

    private static void Single(RouteGroupBuilder api, ApiRoute route, string summary, string what) =>
        api.MapApiRoute(route, Handler(route))
            .Describe(summary, "One message; its type is the route's. " + what + " " + Durability + Completion + Limits + Refusals)
            .DocumentsBody<TrackingMessageBody>()
            .Produces<TrackingAccepted>(200)
            .ProducesErrors(400, 401, 413)
            .WithTags("Tracking");

    private static Func<HttpRequest, TrackingApi, CancellationToken, Task<IResult>> Handler(ApiRoute route) =>
        (request, handler, ct) => TrackingRoutes.AcceptAsync(handler, route, request, ct).ToResultAsync();
}
