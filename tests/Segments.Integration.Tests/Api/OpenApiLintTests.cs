using System.Diagnostics;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// The OpenAPI document as API tooling reads it: Redocly CLI (pinned in package.json) lints it with its
/// recommended rules and the repository's <c>redocly.yaml</c>, which turns a rule off only with the reason.
/// </summary>
public sealed class OpenApiLintTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Document_lints_with_no_errors_and_no_warnings_under_redoclys_recommended_rules()
    {
        // Arrange
        using var client = Host.CreateClientWithoutKey();
        var document = await client.GetStringAsync("/api/openapi.json");
        var path = Path.Combine(Path.GetTempPath(), $"segments-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, document);

        try
        {
            // Act
            var report = await LintAsync(path);

            // Assert
            var totals = report.GetProperty("totals");
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(problems.Count == 0, "redocly lint found:\n" + string.Join('\n', problems));
            Assert.Equal((0, 0, 0), (totals.GetProperty("errors").GetInt32(), totals.GetProperty("warnings").GetInt32(), totals.GetProperty("ignored").GetInt32()));
            Assert.Equal("2.77.0", report.GetProperty("version").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs <c>redocly lint --format=json</c> on the file; the JSON report is on stdout, whatever the exit code.</summary>
    private static async Task<JsonElement> LintAsync(string documentPath)
    {
        if (!File.Exists(RepositoryPaths.Redocly))
        {
            throw new InvalidOperationException($"Redocly CLI is not installed at {RepositoryPaths.Redocly}: run 'npm ci' at the repository root (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo(RepositoryPaths.Redocly)
        {
            WorkingDirectory = RepositoryPaths.Root,
            ArgumentList = { "lint", documentPath, "--format=json", "--config", Path.Combine(RepositoryPaths.Root, "redocly.yaml") },
        };

        // No telemetry from a test run.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        var result = await ChildProcess.RunAsync(start, LintTimeout);
        var output = result.Stdout;
        var start0 = output.IndexOf('{', StringComparison.Ordinal);
        Assert.True(start0 >= 0, $"redocly wrote no JSON report (exit code {result.ExitCode}):\n{output}\n{result.Stderr}");
        return JsonDocument.Parse(output[start0..]).RootElement.Clone();
    }
}
