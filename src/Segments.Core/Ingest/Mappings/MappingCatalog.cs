using System.Text.Json;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// The export layouts of one kind a store knows: the built-in ones (embedded JSON files) plus any the store adds.
/// Store mappings are tried first, so a store can override a built-in by name or by header.
/// </summary>
/// <typeparam name="TMapping">The kind's mapping record.</typeparam>
public sealed class MappingCatalog<TMapping>
    where TMapping : class, IExportMapping<TMapping>
{
    private MappingCatalog(IReadOnlyList<TMapping> mappings) => Mappings = mappings;

    /// <summary>The built-in mappings only.</summary>
    public static MappingCatalog<TMapping> BuiltIn { get; } = new(LoadBuiltIn());

    /// <summary>Every mapping, in detection order.</summary>
    public IReadOnlyList<TMapping> Mappings { get; }

    /// <summary>This catalog with <paramref name="extra"/> mappings tried first.</summary>
    public MappingCatalog<TMapping> With(IEnumerable<TMapping> extra)
    {
        var added = extra.ToList();
        return new MappingCatalog<TMapping>([.. added, .. Mappings.Where(m => added.All(a => !a.Name.Equals(m.Name, StringComparison.OrdinalIgnoreCase)))]);
    }

    /// <summary>The mapping of this name, or null.</summary>
    public TMapping? Find(string name) => Mappings.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The mapping a file is forced to by name, or the problem: no mapping of that name, with the names known.</summary>
    public (TMapping? Mapping, string? Problem) FindForced(string name) =>
        Find(name) is { } mapping
            ? (mapping, null)
            : (null, $"unknown {TMapping.KindName} '{name}'; known: {string.Join(", ", Mappings.Select(m => m.Name))}");

    /// <summary>The first mapping whose identifying columns are in <paramref name="columns"/>.</summary>
    public TMapping? DetectByColumns(IReadOnlyList<string> columns)
    {
        var header = new HeaderColumns(columns);
        return Mappings.FirstOrDefault(m => m.IsDetectedBy(header));
    }

    /// <summary>Why a file with <paramref name="columns"/> matches none of these layouts, naming the columns each one is recognised by.</summary>
    public string DescribeMismatch(IReadOnlyList<string> columns) =>
        $"no recognised {TMapping.HeaderName}: expected the columns of "
        + string.Join(" or ", Mappings.Select(m => m.DescribeDetection() is { } detect ? $"{m.Name} ({detect})" : null).OfType<string>())
        + $"; found ({ExportInput.ListColumns(columns)})";

    /// <summary>Reads and checks a mapping document; returns the problems instead when it is not usable.</summary>
    public static (TMapping? Mapping, IReadOnlyList<string> Problems) Parse(string json, string source)
    {
        TMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize(json, TMapping.JsonTypeInfo);
        }
        catch (JsonException ex)
        {
            return (null, [$"{source}: not a valid {TMapping.KindName} document: {ex.Message}"]);
        }

        if (mapping is null)
        {
            return (null, [$"{source}: empty {TMapping.KindName} document"]);
        }

        IEnumerable<string> nameProblem = string.IsNullOrWhiteSpace(mapping.Name) ? ["'name' is required"] : [];
        var problems = nameProblem.Concat(TMapping.Problems(mapping)).Select(p => $"{source}: {p}").ToList();
        return problems.Count == 0 ? (mapping, problems) : (null, problems);
    }

    private static List<TMapping> LoadBuiltIn()
    {
        var assembly = typeof(MappingCatalog<TMapping>).Assembly;
        return TMapping.BuiltInNames.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(TMapping.BuiltInResource(name))
                ?? throw new InvalidOperationException($"Built-in {TMapping.KindName} {name} is not embedded.");
            using var reader = new StreamReader(stream);
            var (mapping, problems) = Parse(reader.ReadToEnd(), $"built-in {TMapping.KindName} {name}");
            return mapping ?? throw new InvalidOperationException(string.Join("; ", problems));
        }).ToList();
    }
}
