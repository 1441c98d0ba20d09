namespace Segments.Core.Profiles;

/// <summary>
/// The age bands of the product: <c>under-18</c>, <c>18-24</c>, <c>25-34</c>, <c>35-44</c>, <c>45-54</c>,
/// <c>55-64</c>, <c>65+</c> (the brackets marketing surveys and ad platforms use).
/// </summary>
public static class AgeBands
{
    /// <summary>Every band, youngest first.</summary>
    public static IReadOnlyList<string> All { get; } = ["under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];

    /// <summary>
    /// The band of someone born in <paramref name="birthYear"/> as of <paramref name="asOf"/>. Only the year is
    /// known, so the age is the one reached during the as-of year (<c>asOf.Year - birthYear</c>): at most a
    /// year older than the true age, the usual convention for birth-year data. Null for a birth year after the as-of year.
    /// </summary>
    public static string? ForBirthYear(int birthYear, DateOnly asOf) => ForAge(asOf.Year - birthYear);

    /// <summary>The band of an age in whole years; null when negative.</summary>
    public static string? ForAge(int age) => age switch
    {
        < 0 => null,
        < 18 => "under-18",
        < 25 => "18-24",
        < 35 => "25-34",
        < 45 => "35-44",
        < 55 => "45-54",
        < 65 => "55-64",
        _ => "65+",
    };
}
