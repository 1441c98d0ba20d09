using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Queries;

namespace Segments.Host.Api;

/// <summary>Segment listings, members, exports, changes and history.</summary>
internal static class SegmentApi
{
    private const string NameRule = "{name} is a qualified id (rfm:Champions, lifecycle:At Risk, cluster:1, rule:Name, behaviour:Cart Abandoners) or a bare name that names one segment only; an ambiguous bare name is 400 listing the ids.";

    private const string ConsentRule = " consent=email or consent=sms keeps only customers who consented to that channel (an explicit yes in the newest customer export; "
        + "no profile, or an empty or negative value, is no consent); any other value is 400 listing the allowed ones.";

    public static RouteGroupBuilder MapSegmentApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(SegmentRoutes.ListSegments, (SegmentsApi handler, CancellationToken ct) => handler.ListSegmentsAsync(ct).ToResultAsync())
            .Describe("Segments of the active run with sizes, ids and definitions", "RFM segments with their score codes, lifecycle stages with this run's thresholds, clusters with centroids, rule segments with their query from config/segments.json, and the run's model choice. "
                + "Each segment gives reachableByEmail and reachableBySms: its members who consented to that channel, counted by the run (null for runs recorded before).")
            .Produces<SegmentList>(200)
            .ProducesErrors(401, 404)
            .WithTags("Segments");

        api.MapApiRoute(SegmentRoutes.ListSegmentCustomers, (string name, HttpRequest request, SegmentMembersApi handler, CancellationToken ct) =>
            SegmentRoutes.ListSegmentCustomersAsync(handler, name, request, ct).ToResultAsync())
            .Describe(
                "A segment's customers, paged, or the whole segment as CSV",
                NameRule + " pageSize 1 to 1000 (default 100). Pages are in the run's key order and stable: continuationToken pins the run it started in, "
                + "so paging continues in that run even after a newer run becomes active (410 once its rows are no longer kept). "
                + "Every customer carries consent {email, emailAt, sms, smsAt} and, when the segment has an A/B experiment, group (control or treatment) in it."
                + ConsentRule + " A continuationToken continues the listing with the consent filter it was issued for; another filter is 400. "
                + "With Accept: text/csv the whole segment (filtered by consent when asked) streams as CSV with columns group, consentEmail, consentEmailAt, consentSms, consentSmsAt, behaviourSegments, lastSeen, abandonedCartValue; "
                + "cells starting with = + - @ tab or CR get a leading apostrophe.")
            .Produces<SegmentPage>(200, "application/json", "text/csv")
            .ProducesErrors(400, 401, 404, 410)
            .WithTags("Segments");

        api.MapApiRoute(SegmentRoutes.GetSegmentChanges, (string name, HttpRequest request, SegmentMembersApi handler, CancellationToken ct) =>
            SegmentRoutes.GetSegmentChangesAsync(handler, name, request, ct).ToResultAsync())
            .Describe(
                "Who entered and who left a segment between two runs",
                NameRule + " toRun defaults to the active run, fromRun to the succeeded run before it. Each customer comes with the segment of the same family "
                + "they came from or went to (e.g. left Loyal to At Risk), the A/B group they had in the segment's experiment (entered: as of toRun; left: as of fromRun), "
                + "and their consent as of toRun (fromRun when toRun no longer scores them)." + ConsentRule)
            .Produces<SegmentChanges>(200)
            .ProducesErrors(400, 401, 404, 410)
            .WithTags("Segments");

        api.MapApiRoute(SegmentRoutes.GetSegmentHistory, (string name, SegmentMembersApi handler, CancellationToken ct) => handler.GetHistoryAsync(name, ct).ToResultAsync())
            .Describe("A segment's size in every succeeded run", NameRule + " Sizes come from the Runs ledger, oldest run first.")
            .Produces<SegmentHistory>(200)
            .ProducesErrors(400, 401, 404)
            .WithTags("Segments");
        return api;
    }
}
