namespace Segments.Core.Profiles;

/// <summary>
/// Keeps the newest record of each customer. Newest means the latest timestamp: the record's own update time,
/// else the time of the batch it came in; on a tie the record added later wins (a later batch, a later line).
/// Records of one customer that differ in any field are a conflict: counted once per customer, with the first
/// few kept as examples. Identical repeats (the same customer in every daily export) are no conflict.
/// </summary>
public sealed class ProfileMerger(int examplesKept = ProfileMerger.DefaultExamplesKept)
{
    /// <summary>How many conflicts are kept verbatim.</summary>
    public const int DefaultExamplesKept = 10;

    // The newest fields and their time, in two maps so that Newest hands out the first as it is: a bucketed run's
    // workers look their bucket's customers up in it, and a copy per bucket cost every profile once per bucket.
    private readonly Dictionary<string, CustomerProfileFields> _newest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _newestAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conflicting = new(StringComparer.Ordinal);
    private readonly List<ProfileConflict> _examples = [];

    /// <summary>Records added.</summary>
    public long RecordsAdded { get; private set; }

    /// <summary>Distinct customers seen.</summary>
    public int Customers => _newest.Count;

    /// <summary>Customers with records that disagree.</summary>
    public int ConflictingCustomers => _conflicting.Count;

    /// <summary>The first conflicts found.</summary>
    public IReadOnlyList<ProfileConflict> ConflictExamples => _examples;

    /// <summary>The newest profile of every customer: a view, not a copy (records added later show in it).</summary>
    public IReadOnlyDictionary<string, CustomerProfileFields> Newest => _newest;

    /// <summary>Adds a record; <paramref name="batchTime"/> stands in for a missing update time.</summary>
    public void Add(ProfileRecord record, DateTimeOffset batchTime)
    {
        var at = record.Fields.UpdatedAt ?? batchTime;
        RecordsAdded++;
        if (!_newest.TryGetValue(record.CustomerId, out var kept))
        {
            _newest.Add(record.CustomerId, record.Fields);
            _newestAt.Add(record.CustomerId, at);
            return;
        }

        // On a tie the record added later wins: it came later in the file or from a later batch.
        var keptAt = _newestAt[record.CustomerId];
        var newer = at >= keptAt;
        var differing = record.Fields.DifferingFields(kept);
        if (differing.Count > 0 && _conflicting.Add(record.CustomerId) && _examples.Count < examplesKept)
        {
            _examples.Add(newer
                ? new ProfileConflict(record.CustomerId, at, keptAt, differing)
                : new ProfileConflict(record.CustomerId, keptAt, at, differing));
        }

        if (newer)
        {
            _newest[record.CustomerId] = record.Fields;
            _newestAt[record.CustomerId] = at;
        }
    }
}
