using System.Text.RegularExpressions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>Headerless layouts (CDNOW's whitespace columns) are an order-export matter: only order mappings have a first-line pattern.</summary>
public static class HeaderlessDetection
{
    /// <summary>The first headerless mapping whose pattern matches the file's first line.</summary>
    public static ExportMapping? DetectHeaderless(this MappingCatalog<ExportMapping> catalog, string firstLine) =>
        catalog.Mappings.FirstOrDefault(m => m.HeaderlessPattern is { } pattern && Regex.IsMatch(firstLine, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
