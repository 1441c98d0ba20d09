using Segments.Infra.Tests.Fixtures;

namespace Segments.Infra.Tests.Bicep;

/// <summary>The templates compile and lint clean with the Bicep CLI from NuGet, as CI runs them.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepCompilerTests(CompiledTemplate compiled)
{
    [Fact]
    public void Build_compiles_main_bicep_and_every_module_without_a_diagnostic()
    {
        Assert.Equal(0, compiled.Build.ExitCode);
        Assert.True(compiled.Build.Diagnostics.Count == 0, $"bicep build reported:\n{string.Join('\n', compiled.Build.Diagnostics)}");
    }

    [Fact]
    public async Task Lint_reports_no_error_warning_or_info()
    {
        var lint = await BicepCli.RunAsync("lint", InfraPaths.MainBicep);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.True(lint.Diagnostics.Count == 0, $"bicep lint reported:\n{string.Join('\n', lint.Diagnostics)}");
    }

    [Fact]
    public async Task Lint_fails_a_template_that_breaks_a_rule_made_an_error()
    {
        // A template next to a copy of infra/bicepconfig.json, so that the same configuration applies to it.
        var folder = Directory.CreateTempSubdirectory("segments-lint-");
        try
        {
            File.Copy(InfraPaths.BicepConfig, Path.Combine(folder.FullName, "bicepconfig.json"));
            var probe = Path.Combine(folder.FullName, "probe.bicep");
            await File.WriteAllTextAsync(probe, "param unused string\n");

            var lint = await BicepCli.RunAsync("lint", probe);

            Assert.NotEqual(0, lint.ExitCode);
            Assert.Contains(lint.Diagnostics, d => d.Contains("Error no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
