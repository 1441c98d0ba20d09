using System.Text.Json;
using Segments.Infra.Tests.Fixtures;
using Segments.Pipeline.Configuration;

namespace Segments.Infra.Tests.Template;

/// <summary>What a deployment can choose, and what it reports back.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ParameterTests(CompiledTemplate compiled)
{
    [Theory]
    [InlineData("namePrefix", "string")]
    [InlineData("location", "string")]
    [InlineData("schedule", "string")]
    [InlineData("instanceMemoryMB", "int")]
    [InlineData("maximumInstanceCount", "int")]
    [InlineData("subscribeIngest", "bool")]
    public void Main_takes_parameter(string name, string type)
    {
        Assert.Equal(type, Parameter(name).GetProperty("type").GetString());
    }

    [Fact]
    public void Location_defaults_to_the_resource_groups()
    {
        Assert.Equal("[resourceGroup().location]", Parameter("location").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Schedule_defaults_to_the_codes_default()
    {
        Assert.Equal(new SegmentsOptions().Schedule, Parameter("schedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Instance_memory_allows_the_Flex_Consumption_sizes_only()
    {
        var memory = Parameter("instanceMemoryMB");

        Assert.Equal([512, 2048, 4096], memory.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(2048, memory.GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void Maximum_instances_are_bounded_by_the_plans_limits()
    {
        var maximum = Parameter("maximumInstanceCount");

        Assert.Equal(1, maximum.GetProperty("minValue").GetInt32());
        Assert.Equal(1000, maximum.GetProperty("maxValue").GetInt32());
    }

    [Fact]
    public void Outputs_give_the_function_app_url()
    {
        var url = compiled.Main.Outputs.Single(o => o.Name == "functionAppUrl").Value;

        Assert.Equal("string", url.GetProperty("type").GetString());
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Resources/deployments', 'functionApp'), '2025-04-01').outputs.defaultHostName.value)]", url.GetProperty("value").GetString());
    }

    [Fact]
    public void Outputs_name_what_the_deploy_commands_need_next()
    {
        Assert.Equal(
            ["customersContainerUrl", "eventsContainerUrl", "functionAppName", "functionAppUrl", "ingestSubscribed", "storageAccountName", "transactionsContainerUrl"],
            compiled.Main.Outputs.Select(o => o.Name).Order());
    }

    private JsonElement Parameter(string name) => compiled.Main.Parameters.Single(p => p.Name == name).Value;
}
