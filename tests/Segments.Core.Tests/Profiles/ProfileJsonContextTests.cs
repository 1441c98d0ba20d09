using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Segments.Core.Profiles;

namespace Segments.Core.Tests.Profiles;

/// <summary>The normalised profile format's tags column is written and read as the reflection serializer did.</summary>
public class ProfileJsonContextTests
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public void Tags_with_characters_the_encoder_escapes_are_written_byte_for_byte_as_before()
    {
        IReadOnlyList<string> tags = ["vip", "Café <b>&</b>", "\"quoted\"", "✓ 漢字"];

        var written = JsonSerializer.Serialize(tags, ProfileJsonContext.Default.IReadOnlyListString);

        Assert.Equal(JsonSerializer.Serialize(tags, Reflection), written);
        Assert.Equal(["vip", "Café <b>&</b>", "\"quoted\"", "✓ 漢字"], JsonSerializer.Deserialize(written, ProfileJsonContext.Default.ListString));
    }
}
