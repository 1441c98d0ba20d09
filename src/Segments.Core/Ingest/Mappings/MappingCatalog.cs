using System.Text.Json;
using System.Text.RegularExpressions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// The export layouts a store knows: the built-in ones (embedded JSON files) plus any the store adds.
/// Store mappings are tried first, so a store can override a built-in by name or by header.
/// </summary>
public sealed class MappingCatalog
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] BuiltInOrder = ["uci-online-retail", "shopify-orders", "woocommerce-orders", "cdnow", "generic"];

    private readonly IReadOnlyList<ExportMapping> _mappings;

    private MappingCatalog(IReadOnlyList<ExportMapping> mappings) => _mappings = mappings;

    /// <summary>The built-in mappings only.</summary>
    public static MappingCatalog BuiltIn { get; } = new(LoadBuiltIn());

    /// <summary>Every mapping, in detection order.</summary>
    public IReadOnlyList<ExportMapping> Mappings => _mappings;

    /// <summary>This catalog with <paramref name="extra"/> mappings tried first.</summary>
    public MappingCatalog With(IEnumerable<ExportMapping> extra)
    {
        var added = extra.ToList();
        return new MappingCatalog([.. added, .. _mappings.Where(m => added.All(a => !a.Name.Equals(m.Name, StringComparison.OrdinalIgnoreCase)))]);
    }

    /// <summary>The mapping of this name, or null.</summary>
    public ExportMapping? Find(string name) => _mappings.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first mapping whose identifying columns are all in <paramref name="columns"/>.</summary>
    public ExportMapping? DetectByColumns(IReadOnlyList<string> columns)
    {
        var header = new HeaderColumns(columns);
        return _mappings.FirstOrDefault(m => m.Detect.Count > 0 && m.Detect.All(d => header.Find(d) is not null));
    }

    /// <summary>The first headerless mapping whose pattern matches the file's first line.</summary>
    public ExportMapping? DetectHeaderless(string firstLine) =>
        _mappings.FirstOrDefault(m => m.HeaderlessPattern is { } pattern && Regex.IsMatch(firstLine, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>Reads and checks a mapping document; returns the problems instead when it is not usable.</summary>
    public static (ExportMapping? Mapping, IReadOnlyList<string> Problems) Parse(string json, string source)
    {
        ExportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ExportMapping>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"{source}: not a valid mapping document: {ex.Message}"]);
        }

        if (mapping is null)
        {
            return (null, [$"{source}: empty mapping document"]);
        }

        var problems = MappingValidator.Problems(mapping).Select(p => $"{source}: {p}").ToList();
        return problems.Count == 0 ? (mapping, problems) : (null, problems);
    }

    private static List<ExportMapping> LoadBuiltIn()
    {
        var assembly = typeof(MappingCatalog).Assembly;
        return BuiltInOrder.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream($"Segments.Core.Ingest.Mappings.BuiltIn.{name}.json")
                ?? throw new InvalidOperationException($"Built-in mapping {name} is not embedded.");
            using var reader = new StreamReader(stream);
            var (mapping, problems) = Parse(reader.ReadToEnd(), $"built-in mapping {name}");
            return mapping ?? throw new InvalidOperationException(string.Join("; ", problems));
        }).ToList();
    }
}
