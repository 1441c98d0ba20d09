namespace Segments.Pipeline.Dashboard;

/// <summary>
/// Counts RFM moves between two runs: the earlier run's segment of every customer is held in memory, the
/// later run streams past it; whoever is left over was in the earlier run only.
/// </summary>
public sealed class TransitionTally(IReadOnlyDictionary<string, string> earlier)
{
    private readonly Dictionary<(string? From, string? To), int> _counts = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Adds one customer of the later run.</summary>
    public void Add(string customerId, string segment)
    {
        _seen.Add(customerId);
        Increment(earlier.GetValueOrDefault(customerId), segment);
    }

    /// <summary>Every (from, to) pair with at least one customer, largest first, then by name.</summary>
    public IReadOnlyList<SegmentTransition> Transitions()
    {
        var counts = new Dictionary<(string? From, string? To), int>(_counts);
        foreach (var (customerId, segment) in earlier)
        {
            if (!_seen.Contains(customerId))
            {
                counts[(segment, null)] = counts.GetValueOrDefault((segment, null)) + 1;
            }
        }

        return counts
            .Select(c => new SegmentTransition(c.Key.From, c.Key.To, c.Value))
            .OrderByDescending(t => t.Customers)
            .ThenBy(t => t.From ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(t => t.To ?? string.Empty, StringComparer.Ordinal)
            .ToList();
    }

    private void Increment(string? from, string? to) => _counts[(from, to)] = _counts.GetValueOrDefault((from, to)) + 1;
}
