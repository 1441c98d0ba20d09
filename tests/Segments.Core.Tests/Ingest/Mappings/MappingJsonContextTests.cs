using System.Text.Json;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Profiles.Mappings;

namespace Segments.Core.Tests.Ingest.Mappings;

/// <summary>
/// The source-generated reader of mapping documents (<see cref="MappingJsonContext"/>) against the reflection-based
/// reader it replaced: every document must come out the same, defaults of absent properties included.
/// </summary>
public class MappingJsonContextTests
{
    private static readonly JsonSerializerOptions Reflection = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<string> ExportMappingNames => [.. ExportMapping.BuiltInNames];

    public static TheoryData<string> ProfileMappingNames => [.. ProfileMapping.BuiltInNames];

    [Theory]
    [MemberData(nameof(ExportMappingNames))]
    public void Built_in_export_mapping_reads_as_the_reflection_reader_read_it(string name)
    {
        // Arrange
        var json = BuiltInDocument(ExportMapping.BuiltInResource(name));

        // Act
        var generated = MappingCatalog<ExportMapping>.BuiltIn.Find(name);

        // Assert: compared as JSON, since the records hold lists (compared by reference).
        Assert.NotNull(generated);
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<ExportMapping>(json, Reflection)), JsonSerializer.Serialize(generated));
    }

    [Theory]
    [MemberData(nameof(ProfileMappingNames))]
    public void Built_in_profile_mapping_reads_as_the_reflection_reader_read_it(string name)
    {
        // Arrange
        var json = BuiltInDocument(ProfileMapping.BuiltInResource(name));

        // Act
        var generated = MappingCatalog<ProfileMapping>.BuiltIn.Find(name);

        // Assert
        Assert.NotNull(generated);
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<ProfileMapping>(json, Reflection)), JsonSerializer.Serialize(generated));
    }

    [Fact]
    public void Export_mapping_without_optional_properties_keeps_their_defaults()
    {
        // Act: a document naming only what is required, in another case, with a comment and a trailing comma.
        const string document =
            """
            { "NAME": "minimal", "customer": ["id"], "orderDate": ["day"], "amount": "total", // hand-written
            }
            """;
        var (mapping, problems) = MappingCatalog<ExportMapping>.Parse(document, "minimal.json");

        // Assert
        Assert.Empty(problems);
        Assert.Equal(("minimal", "delimited", string.Empty), (mapping!.Name, mapping.Layout, mapping.Description));
        Assert.Equal((0, 0, 0, 0), (mapping.Detect.Count, mapping.Columns.Count, mapping.Product.Count, mapping.Country.Count));
        Assert.Equal(["id"], mapping.Customer);
    }

    [Fact]
    public void Cancellation_rule_without_optional_properties_keeps_their_defaults()
    {
        // Act
        var (mapping, problems) = MappingCatalog<ExportMapping>.Parse("""{ "name": "m", "customer": ["id"], "orderDate": ["day"], "amount": "total", "cancellation": { "column": "status", "prefix": "x" } }""", "m.json");

        // Assert
        Assert.Empty(problems);
        Assert.Equal(("status", "order", 0), (mapping!.Cancellation!.Column, mapping.Cancellation.Kind, mapping.Cancellation.Values.Count));
    }

    [Fact]
    public void Profile_mapping_without_optional_properties_keeps_their_defaults()
    {
        // Act
        var (mapping, problems) = MappingCatalog<ProfileMapping>.Parse("""{ "name": "crm", "customer": ["email"] }""", "crm.json");

        // Assert
        Assert.Empty(problems);
        Assert.Equal((",", 0, 0), (mapping!.TagSeparator, mapping.Tags.Count, mapping.DetectAny.Count));
    }

    private static string BuiltInDocument(string resource)
    {
        using var stream = typeof(ExportMapping).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
