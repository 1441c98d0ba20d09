using System.Text.Json;
using Segments.Core.Ingest;

namespace Segments.Core.Profiles.Mappings;

/// <summary>
/// The customer-export layouts a store knows: the built-in ones (embedded JSON) plus any in
/// <c>config/profile-mappings/</c>, which are tried first and may replace a built-in of the same name.
/// </summary>
public sealed class ProfileMappingCatalog
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Most specific first: the generic layout matches any file with a customer_id or email column.
    private static readonly string[] BuiltInOrder = ["shopify-customers", "generic-customers"];

    private ProfileMappingCatalog(IReadOnlyList<ProfileMapping> mappings) => Mappings = mappings;

    /// <summary>The built-in mappings only.</summary>
    public static ProfileMappingCatalog BuiltIn { get; } = new(LoadBuiltIn());

    /// <summary>Every mapping, in detection order.</summary>
    public IReadOnlyList<ProfileMapping> Mappings { get; }

    /// <summary>This catalog with <paramref name="extra"/> mappings tried first.</summary>
    public ProfileMappingCatalog With(IEnumerable<ProfileMapping> extra)
    {
        var added = extra.ToList();
        return new ProfileMappingCatalog([.. added, .. Mappings.Where(m => added.All(a => !a.Name.Equals(m.Name, StringComparison.OrdinalIgnoreCase)))]);
    }

    /// <summary>The mapping of this name, or null.</summary>
    public ProfileMapping? Find(string name) => Mappings.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first mapping whose identifying columns are in <paramref name="columns"/>.</summary>
    public ProfileMapping? DetectByColumns(IReadOnlyList<string> columns)
    {
        var header = new HeaderColumns(columns);
        return Mappings.FirstOrDefault(m =>
            m.Detect.Count + m.DetectAny.Count > 0
            && m.Detect.All(d => header.Find(d) is not null)
            && (m.DetectAny.Count == 0 || m.DetectAny.Any(d => header.Find(d) is not null)));
    }

    /// <summary>Reads and checks a mapping document; returns the problems instead when it is not usable.</summary>
    public static (ProfileMapping? Mapping, IReadOnlyList<string> Problems) Parse(string json, string source)
    {
        ProfileMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ProfileMapping>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"{source}: not a valid profile mapping document: {ex.Message}"]);
        }

        if (mapping is null)
        {
            return (null, [$"{source}: empty profile mapping document"]);
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(mapping.Name))
        {
            problems.Add($"{source}: 'name' is required");
        }

        if (mapping.Customer.Count == 0)
        {
            problems.Add($"{source}: 'customer' must name at least one column (a customer id or an e-mail)");
        }

        if (string.IsNullOrEmpty(mapping.TagSeparator))
        {
            problems.Add($"{source}: 'tagSeparator' must not be empty");
        }

        return problems.Count == 0 ? (mapping, problems) : (null, problems);
    }

    private static List<ProfileMapping> LoadBuiltIn()
    {
        var assembly = typeof(ProfileMappingCatalog).Assembly;
        return BuiltInOrder.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream($"Segments.Core.Profiles.Mappings.BuiltIn.{name}.json")
                ?? throw new InvalidOperationException($"Built-in profile mapping {name} is not embedded.");
            using var reader = new StreamReader(stream);
            var (mapping, problems) = Parse(reader.ReadToEnd(), $"built-in profile mapping {name}");
            return mapping ?? throw new InvalidOperationException(string.Join("; ", problems));
        }).ToList();
    }
}
