using System.Globalization;
using Segments.Core.Profiles;
using Segments.Storage.Generations;

namespace Segments.Pipeline.Api;

/// <summary>The columns of a segment export, one customer per line.</summary>
public static class SegmentCsv
{
    /// <summary>The header line's cells.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "customerId", "runId", "asOf", "rfmCode", "rfmSegment", "recencyDays", "frequency", "monetary", "r", "f", "m",
        "lifecycleStage", "cluster", "country", "firstOrderDate", "lastOrderDate", "pAlive", "expectedPurchases90", "clv12Months", "ruleSegments",
        "group", "consentEmail", "consentEmailAt", "consentSms", "consentSmsAt",
        "behaviourSegments", "lastSeen", "abandonedCartValue",
    ];

    /// <summary>
    /// The cells of one customer, in <see cref="Header"/> order. <paramref name="group"/> is the customer's group in
    /// the exported segment's experiment (empty without one); consent is true only for an explicit yes (see <see cref="MarketingConsent"/>).
    /// </summary>
    public static IReadOnlyList<string?> Cells(string runId, DateOnly asOf, CustomerSegmentRow row, string? group)
    {
        ArgumentNullException.ThrowIfNull(row);
        var consent = MarketingConsent.Of(row.Profile);
        return
        [
            row.CustomerId, runId, Date(asOf), row.Code, row.Segment, Number(row.RecencyDays), Number(row.Frequency),
            row.Monetary.ToString(CultureInfo.InvariantCulture), Number(row.R), Number(row.F), Number(row.M),
            row.LifecycleStage, row.Cluster?.ToString(CultureInfo.InvariantCulture), row.Country,
            row.FirstOrderDate is { } first ? Date(first) : null, row.LastOrderDate is { } last ? Date(last) : null,
            row.Prediction?.PAlive.ToString("R", CultureInfo.InvariantCulture),
            row.Prediction?.ExpectedPurchases90.ToString("R", CultureInfo.InvariantCulture),
            row.Prediction?.Clv12Months?.ToString("R", CultureInfo.InvariantCulture),
            string.Join(';', row.RuleSegments),
            group, Flag(consent.Email), Timestamp(consent.EmailAt), Flag(consent.Sms), Timestamp(consent.SmsAt),
            string.Join(';', row.BehaviourSegments), Timestamp(row.Behaviour?.LastSeen),
            row.Behaviour?.AbandonedCart?.Value.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string? Timestamp(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
