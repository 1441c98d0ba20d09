namespace Segments.Storage.Runs;

/// <summary>
/// Which of two runs is newer, for the active pointer that only moves forward: the later request wins
/// (asking for a run as of an earlier date on purpose is a newer wish), then the later as-of date, then the
/// run id (ids are stamped with the request time, so this only separates two requests of the same millisecond).
/// </summary>
public static class RunOrder
{
    /// <summary>True when <paramref name="run"/> was requested after <paramref name="other"/>.</summary>
    public static bool IsNewerThan(RunRecord run, RunRecord other) => Compare(run, other) > 0;

    /// <summary>Negative, zero or positive as <paramref name="a"/> is older than, the same as, or newer than <paramref name="b"/>.</summary>
    public static int Compare(RunRecord a, RunRecord b)
    {
        var byRequest = a.RequestedAt.CompareTo(b.RequestedAt);
        if (byRequest != 0)
        {
            return byRequest;
        }

        var byAsOf = a.AsOf.CompareTo(b.AsOf);
        return byAsOf != 0 ? byAsOf : string.CompareOrdinal(a.RunId, b.RunId);
    }
}
