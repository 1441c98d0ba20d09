using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Destinations;

namespace Segments.Host.Api;

/// <summary>Activation destinations: configuration, deliveries per run, dead letters and replay.</summary>
internal static class DestinationApi
{
    public static RouteGroupBuilder MapDestinationApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(DestinationRoutes.ListDestinations, (DestinationsApi handler, CancellationToken ct) => handler.ListAsync(ct).ToResultAsync())
            .Describe("Every destination and its deliveries", "The valid destinations of config/destinations.json (secrets never shown: secretSet says whether one is set) with sent, pending, failed and dead-lettered batches, over all runs and per run, the last error and whether 410 Gone paused it; errors lists the destinations that do not apply, with their JSON paths.")
            .Produces<DestinationList>(200)
            .ProducesErrors(401)
            .WithTags("Destinations");

        api.MapApiRoute(DestinationRoutes.SetDestinations, (HttpRequest request, DestinationsApi handler, CancellationToken ct) =>
            DestinationRoutes.SetDestinationsAsync(handler, request, ct).ToResultAsync())
            .Describe("Replace config/destinations.json (admin key)", "The body is the file: {\"destinations\":[{\"name\",\"kind\":\"webhook|eventgrid|audience-files\",\"url\",\"secret\":\"whsec_...\",\"segments\":[\"rfm:At Risk\",\"lifecycle:*\"],\"events\":[\"entered\",\"exited\"],\"consent\":\"email|sms\",\"holdBackControlGroup\":true,\"fields\":\"ids|segments\",\"batchSize\":100}]}. Stored when it is a destinations document; destinations with problems are listed in errors and the others apply. 400 InvalidDestinations for a body that is not one.")
            .DocumentsBody<DestinationsDocumentBody>()
            .Produces<DestinationList>(200)
            .ProducesErrors(400, 401)
            .WithTags("Destinations");

        api.MapApiRoute(DestinationRoutes.GetDestination, (string name, DestinationsApi handler, CancellationToken ct) => handler.GetAsync(name, ct).ToResultAsync())
            .Describe("One destination and its dead letters", "Settings and counts as in the list, and every dead-lettered delivery with its webhook-id, run, attempts and error. 404 DestinationNotFound for a name no valid destination has.")
            .Produces<DestinationDetail>(200)
            .ProducesErrors(401, 404)
            .WithTags("Destinations");

        api.MapApiRoute(DestinationRoutes.ReplayDestination, (string name, DestinationsApi handler, CancellationToken ct) => handler.ReplayAsync(name, ct).ToResultAsync())
            .Describe("Send dead letters again (admin key)", "Resumes a destination paused by 410 Gone and queues its dead-lettered and held deliveries again, with the same webhook-ids. 404 DestinationNotFound for a name no valid destination has.")
            .Produces<ReplayView>(200)
            .ProducesErrors(401, 404)
            .WithTags("Destinations");
        return api;
    }
}
