using System.Globalization;

namespace Segments.Pipeline.Api;

/// <summary>The query of <c>GET /api/experiments/{name}/results</c>, parsed at the edge.</summary>
/// <param name="FromRun">The earlier run's id, or null.</param>
/// <param name="ToRun">The later run's id, or null (the active run).</param>
/// <param name="From">Start of a date range of run as-of dates (with <paramref name="To"/>), or null.</param>
/// <param name="To">End of the date range, or null.</param>
/// <param name="CampaignCost">What the campaign cost, for the ROI; null when not given.</param>
/// <param name="Problem">Why the query cannot be used, or null.</param>
public sealed record ExperimentResultsRequest(string? FromRun, string? ToRun, DateOnly? From, DateOnly? To, double? CampaignCost, string? Problem)
{
    /// <summary>What is wrong with the request, or null.</summary>
    public string? FindProblem() => Problem;

    /// <summary>Parses the query values (each null when absent).</summary>
    public static ExperimentResultsRequest Parse(string? fromRun, string? toRun, string? from, string? to, string? campaignCost)
    {
        DateOnly? Date(string? text, string name, List<string> problems)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add($"{name} '{text}' is not a date (YYYY-MM-DD)");
            return null;
        }

        var problems = new List<string>();
        var fromDate = Date(from, "from", problems);
        var toDate = Date(to, "to", problems);
        double? cost = null;
        if (!string.IsNullOrEmpty(campaignCost))
        {
            if (double.TryParse(campaignCost, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0)
            {
                cost = value;
            }
            else
            {
                problems.Add($"campaignCost '{campaignCost}' is not a non-negative number");
            }
        }

        if ((fromDate is null) != (toDate is null) && problems.Count == 0)
        {
            problems.Add("from and to go together: give both dates, or neither");
        }

        if (fromDate is { } f && toDate is { } t && f > t)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"from {f:yyyy-MM-dd} is after to {t:yyyy-MM-dd}"));
        }

        if (fromDate is not null && (fromRun is not null || toRun is not null))
        {
            problems.Add("name the runs (fromRun, toRun) or give a date range (from, to), not both");
        }

        return new ExperimentResultsRequest(
            string.IsNullOrEmpty(fromRun) ? null : fromRun,
            string.IsNullOrEmpty(toRun) ? null : toRun,
            fromDate,
            toDate,
            cost,
            problems.Count == 0 ? null : string.Join("; ", problems) + ".");
    }
}
