namespace Segments.Core.Profiles;

/// <summary>Splits a tag cell: by the mapping's separator, each tag trimmed, empty ones dropped, duplicates (ignoring case) removed.</summary>
public static class ProfileTags
{
    /// <summary>The tags of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Split(ReadOnlySpan<char> text, string separator)
    {
        var tags = new List<string>();
        foreach (var part in text.ToString().Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!tags.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(part);
            }
        }

        return tags;
    }
}
