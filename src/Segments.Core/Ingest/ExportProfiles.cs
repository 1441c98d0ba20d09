namespace Segments.Core.Ingest;

/// <summary>The layouts recognised from a header, most specific first.</summary>
public static class ExportProfiles
{
    /// <summary>Every built-in profile, in detection order.</summary>
    public static IReadOnlyList<ExportProfile> BuiltIn { get; } = [new UciOnlineRetailProfile(), new GenericOrdersProfile()];

    /// <summary>The first profile whose required columns are all present, or null.</summary>
    public static ExportProfile? Detect(IReadOnlyList<string> header) => BuiltIn.FirstOrDefault(p => p.Matches(header));

    /// <summary>The reason a header matched no profile, naming what was expected and what was found.</summary>
    public static string DescribeMismatch(IReadOnlyList<string> header) =>
        "no recognised header: expected the columns of "
        + string.Join(" or ", BuiltIn.Select(p => $"{p.Name} ({string.Join(",", p.RequiredColumns)})"))
        + $"; found ({string.Join(",", header)})";
}
