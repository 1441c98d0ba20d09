using Segments.Core.Experiments;

namespace Segments.Core.Tests.Experiments;

public sealed class ExperimentDefinitionLoaderTests
{
    [Fact]
    public void Valid_experiments_are_read()
    {
        var set = ExperimentDefinitionLoader.Load("""{"experiments":[{"name":"winback","segment":"rfm:At Risk","controlShare":0.1}]}""");

        Assert.Empty(set.Errors);
        Assert.Equal([new ExperimentDefinition("winback", "rfm:At Risk", 0.1)], set.Experiments);
    }

    [Theory]
    [InlineData("""{"name":"a","segment":"rfm:Lost","controlShare":0.6}""", "experiment 1 'a': controlShare 0.6 is outside 0 to 0.5")]
    [InlineData("""{"name":"a","segment":"rfm:Lost","controlShare":-0.1}""", "experiment 1 'a': controlShare -0.1 is outside 0 to 0.5")]
    [InlineData("""{"name":"a","segment":"rfm:Lost","controlShare":"10%"}""", "experiment 1 'a': \"controlShare\" must be a number from 0 to 0.5")]
    [InlineData("""{"name":"a","controlShare":0.1}""", "experiment 1 'a': \"segment\" must name a segment, e.g. \"rfm:At Risk\"")]
    [InlineData("""{"segment":"rfm:Lost","controlShare":0.1}""", "experiment 1: \"name\" must be a string")]
    [InlineData("""{"name":" a","segment":"rfm:Lost","controlShare":0.1}""", "experiment 1: the name ' a' starts or ends with spaces")]
    [InlineData("\"winback\"", "experiment 1 must be an object with \"name\", \"segment\" and \"controlShare\"")]
    public void An_invalid_experiment_is_reported_with_its_place_and_reason(string entry, string error)
    {
        var set = ExperimentDefinitionLoader.Load($$"""{"experiments":[{{entry}}]}""");

        Assert.Empty(set.Experiments);
        Assert.Equal([error], set.Errors);
    }

    [Fact]
    public void A_duplicate_name_is_an_error_and_the_first_is_kept()
    {
        var set = ExperimentDefinitionLoader.Load("""
            {"experiments":[
              {"name":"winback","segment":"rfm:At Risk","controlShare":0.1},
              {"name":"WINBACK","segment":"rfm:Lost","controlShare":0.2}
            ]}
            """);

        Assert.Equal(["rfm:At Risk"], set.Experiments.Select(e => e.Segment));
        Assert.Equal(["experiment 2 'WINBACK': the name is already used by another experiment"], set.Errors);
    }

    [Theory]
    [InlineData("{", "experiments.json is not valid JSON at line 1, byte 2")]
    [InlineData("""{"experiments":{}}""", "experiments.json must be an object with an \"experiments\" array")]
    public void A_broken_document_is_one_error(string json, string error)
    {
        var set = ExperimentDefinitionLoader.Load(json);

        Assert.Empty(set.Experiments);
        Assert.Equal([error], set.Errors);
    }
}
