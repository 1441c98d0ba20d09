using System.Text.Json;
using Segments.Infra.Tests.Fixtures;

namespace Segments.Infra.Tests.Bicep;

/// <summary>infra/bicepconfig.json turns the rules that guard secrets and portability into errors.</summary>
public sealed class LinterConfigurationTests
{
    [Theory]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("secure-parameter-default")]
    [InlineData("secure-params-in-nested-deploy")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("protect-commandtoexecute-secrets")]
    [InlineData("adminusername-should-not-be-literal")]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("no-hardcoded-location")]
    [InlineData("no-loc-expr-outside-params")]
    [InlineData("explicit-values-for-loc-params")]
    [InlineData("no-unused-params")]
    [InlineData("no-unused-vars")]
    [InlineData("no-unused-existing-resources")]
    [InlineData("no-unnecessary-dependson")]
    [InlineData("use-resource-symbol-reference")]
    [InlineData("use-stable-resource-identifiers")]
    [InlineData("what-if-short-circuiting")]
    public void Rule_is_an_error(string rule)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(InfraPaths.BicepConfig));

        var level = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules").GetProperty(rule).GetProperty("level").GetString();

        Assert.Equal("error", level);
    }

    [Fact]
    public void Linter_is_enabled()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(InfraPaths.BicepConfig));

        Assert.True(config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("enabled").GetBoolean());
    }
}
