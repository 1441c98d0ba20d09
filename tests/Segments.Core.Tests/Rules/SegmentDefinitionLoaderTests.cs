using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

public class SegmentDefinitionLoaderTests
{
    [Fact]
    public void A_valid_document_gives_every_segment_in_order()
    {
        // Arrange
        const string json = """
            {
              // comments are allowed: the file is edited by hand
              "segments": [
                { "name": "UK regulars", "description": "Three orders or more", "query": "country = 'United Kingdom' AND orders >= 3" },
                { "name": "Slipping", "query": "lifecycle_stage IN ('At Risk', 'Lapsed')" },
              ]
            }
            """;

        // Act
        var set = SegmentDefinitionLoader.Load(json);

        // Assert: the missing description becomes empty.
        Assert.True(set.IsValid);
        Assert.Equal(
            [
                new SegmentDefinition("UK regulars", "Three orders or more", "country = 'United Kingdom' AND orders >= 3"),
                new SegmentDefinition("Slipping", "", "lifecycle_stage IN ('At Risk', 'Lapsed')"),
            ],
            set.Segments.Select(s => s.Definition));
    }

    [Fact]
    public void Every_invalid_definition_is_reported_and_the_valid_ones_kept()
    {
        // Arrange: segments 2 and 4 are wrong in different ways.
        const string json = """
            {"segments":[
              {"name":"Big","query":"revenue > 1000"},
              {"name":"Typo","query":"revnue > 1000"},
              {"name":"Recent","query":"last_order_date > -30d"},
              {"name":"Bad date","query":"first_order_date > 'yesterday'"}
            ]}
            """;

        // Act
        var set = SegmentDefinitionLoader.Load(json);

        // Assert
        Assert.False(set.IsValid);
        Assert.Equal(["Big", "Recent"], set.Segments.Select(s => s.Name));
        Assert.Equal(
            [
                new SegmentDefinitionError(2, "Typo", "segment 2 'Typo': unknown attribute 'revnue' at position 1; did you mean 'revenue'?", 1),
                new SegmentDefinitionError(4, "Bad date", "segment 4 'Bad date': 'yesterday' at position 20 is not a date; write dates as 'YYYY-MM-DD' or relative to the run as -90d", 20),
            ],
            set.Errors);
    }

    [Fact]
    public void A_duplicate_name_is_rejected_ignoring_case()
    {
        // Arrange
        const string json = """{"segments":[{"name":"VIP","query":"orders > 10"},{"name":"vip","query":"revenue > 5000"}]}""";

        // Act
        var set = SegmentDefinitionLoader.Load(json);

        // Assert: the first keeps the name.
        Assert.Equal(["VIP"], set.Segments.Select(s => s.Name));
        Assert.Equal("segment 2 'vip': the name is already used by segment 1", Assert.Single(set.Errors).Message);
    }

    [Theory]
    [InlineData("""{"segments":[{"query":"orders > 1"}]}""", "segment 1: \"name\" must be a string")]
    [InlineData("""{"segments":[{"name":"A"}]}""", "segment 1 'A': \"query\" must be a string")]
    [InlineData("""{"segments":[{"name":"A","query":"orders > 1","description":7}]}""", "segment 1 'A': \"description\" must be a string")]
    [InlineData("""{"segments":["orders > 1"]}""", "segment 1 must be an object with \"name\", \"description\" and \"query\"")]
    [InlineData("""{"segments":[{"name":"  ","query":"orders > 1"}]}""", "segment 1: the name is empty")]
    [InlineData("""{"segments":[{"name":" A","query":"orders > 1"}]}""", "segment 1: the name ' A' starts or ends with spaces")]
    [InlineData("""{"segments":[{"name":"A","query":""}]}""", "segment 1 'A': the query is empty")]
    public void A_malformed_definition_says_what_is_wrong(string json, string message)
    {
        // Act
        var set = SegmentDefinitionLoader.Load(json);

        // Assert
        Assert.Equal(message, Assert.Single(set.Errors).Message);
    }

    [Theory]
    [InlineData("""{"segments":[{"name":"A","query":"orders > 1"}""", "the document is not valid JSON at line 1, byte 47")]
    [InlineData("""{"segment":[]}""", "the document must be an object with a \"segments\" array")]
    [InlineData("""[]""", "the document must be an object with a \"segments\" array")]
    public void A_malformed_document_is_rejected_whole(string json, string message)
    {
        // Arrange: the unclosed document is 46 bytes long, so the parser runs out at byte 47.

        // Act
        var set = SegmentDefinitionLoader.Load(json);

        // Assert
        Assert.Empty(set.Segments);
        Assert.Equal(new SegmentDefinitionError(0, "", message), Assert.Single(set.Errors));
    }

    [Fact]
    public void Definitions_from_another_source_are_checked_the_same_way()
    {
        // Arrange
        SegmentDefinition[] definitions = [new("A", "", "orders > 1"), new("A", "", "orders > 2")];

        // Act
        var set = SegmentDefinitionLoader.Compile(definitions);

        // Assert
        Assert.Equal("segment 2 'A': the name is already used by segment 1", Assert.Single(set.Errors).Message);
    }
}
