namespace Segments.Core.Ingest;

/// <summary>The header of an export, with case-insensitive lookup of column positions.</summary>
public sealed class HeaderColumns(IReadOnlyList<string> names)
{
    /// <summary>Column names as they appear in the file.</summary>
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>Position of a column (names compared trimmed and ignoring case), or null.</summary>
    public int? Find(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }
}
