using Segments.Core.Events;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>What reading one events file found.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="Dialect">The dialect detected; null when no line was a JSON object.</param>
/// <param name="Accepted">Lines read as events.</param>
/// <param name="Rejected">Lines rejected.</param>
/// <param name="ByKind">Accepted events per canonical kind.</param>
/// <param name="FirstErrors">The first rejected lines, in file order.</param>
/// <param name="MaxRejectedFraction">Above this share of rejected lines the blob path would reject the file.</param>
internal sealed record EventFileReport(
    string FileName,
    EventDialect? Dialect,
    long Accepted,
    long Rejected,
    IReadOnlyDictionary<EventKind, long> ByKind,
    IReadOnlyList<RowError> FirstErrors,
    double MaxRejectedFraction)
{
    /// <summary>Non-blank lines read.</summary>
    public long Lines => Accepted + Rejected;

    /// <summary>Whether the blob path would reject the whole file (no line read, or too many bad lines).</summary>
    public bool IsRejected => Lines == 0 || Accepted == 0 || (double)Rejected / Lines > MaxRejectedFraction;
}
