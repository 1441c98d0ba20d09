using Segments.Core.Ingest;

namespace Segments.Core.Events;

/// <summary>Running counts of accepted lines per kind and rejected lines (the first few kept), for one part of a file or all of it.</summary>
internal sealed class EventLineTally(int maxErrorsKept)
{
    private readonly long[] _byKind = new long[Enum.GetValues<EventKind>().Length];
    private readonly List<RowError> _errors = [];

    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public void Accept(EventKind kind)
    {
        Accepted++;
        _byKind[(int)kind]++;
    }

    /// <summary>Counts a line the full path read; a blank line (line 0) counts as nothing.</summary>
    public void Add(EventLine line)
    {
        if (line.Event is { } read)
        {
            Accept(read.Kind);
        }
        else if (line.Error is { } error)
        {
            Rejected++;
            if (_errors.Count < maxErrorsKept)
            {
                _errors.Add(error);
            }
        }
    }

    /// <summary>Adds the counts of a later part of the file (its errors after this one's) and clears it.</summary>
    public void Drain(EventLineTally later)
    {
        Accepted += later.Accepted;
        Rejected += later.Rejected;
        for (var i = 0; i < _byKind.Length; i++)
        {
            _byKind[i] += later._byKind[i];
            later._byKind[i] = 0;
        }

        _errors.AddRange(later._errors.Take(maxErrorsKept - _errors.Count));
        later._errors.Clear();
        later.Accepted = later.Rejected = 0;
    }

    public EventLineCounts ToCounts(EventDialect? dialect) => new(
        dialect,
        Accepted,
        Rejected,
        Enum.GetValues<EventKind>().Where(k => _byKind[(int)k] > 0).ToDictionary(k => k, k => _byKind[(int)k]),
        [.. _errors]);
}
