using Sylvan.Data.Csv;

namespace Segments.Core.Ingest;

/// <summary>
/// A known export layout: which columns identify it, and how one of its rows becomes a transaction line.
/// </summary>
public abstract class ExportProfile
{
    /// <summary>Short stable name, recorded in the Batches ledger.</summary>
    public abstract string Name { get; }

    /// <summary>Columns whose presence in the header identifies the layout (compared case-insensitively).</summary>
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>True when every required column is in the header.</summary>
    public bool Matches(IReadOnlyList<string> header) =>
        RequiredColumns.All(column => header.Any(name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Resolves column positions once per file.</summary>
    public abstract IRowMapper Bind(HeaderColumns header);
}

/// <summary>Maps one CSV record of a bound layout.</summary>
public interface IRowMapper
{
    /// <summary>Reads the current record of <paramref name="row"/>.</summary>
    ParsedRow Map(CsvDataReader row, long line);
}
