namespace Segments.Core.Definitions;

/// <summary>
/// The rules every hand-written definition's name follows (segments, experiments): names become labels in
/// marketing tools and table values, so they are short, trimmed and printable.
/// </summary>
public static class DefinitionName
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>What is wrong with <paramref name="name"/>, or null when it is a good name.</summary>
    public static string? ProblemWith(string name) =>
        string.IsNullOrWhiteSpace(name) ? "the name is empty"
        : name.Trim().Length != name.Length ? $"the name '{name}' starts or ends with spaces"
        : name.Length > MaxLength ? $"the name is longer than {MaxLength} characters"
        : name.Any(char.IsControl) ? "the name contains control characters"
        : null;
}
