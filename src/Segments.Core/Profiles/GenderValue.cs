namespace Segments.Core.Profiles;

/// <summary>
/// Makes gender values comparable across exports: <c>f</c>, <c>female</c>, <c>woman</c>, <c>w</c> become
/// <c>female</c>; <c>m</c>, <c>male</c>, <c>man</c> become <c>male</c>; any other value is kept, trimmed and
/// lower-cased (e.g. <c>non-binary</c>); an empty cell is unknown.
/// </summary>
public static class GenderValue
{
    /// <summary>The normalised value, or null when empty.</summary>
    public static string? Normalize(ReadOnlySpan<char> text)
    {
        var value = text.Trim().ToString().ToLowerInvariant();
        return value switch
        {
            "" => null,
            "f" or "female" or "woman" or "w" => "female",
            "m" or "male" or "man" => "male",
            _ => value,
        };
    }
}
