using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// The committed OpenAPI snapshot (<c>src/Segments.Pipeline/Api/openapi.json</c>, embedded in Segments.Pipeline and
/// served by the Functions app) is the document the local host generates, so both hosts publish one contract.
/// </summary>
public sealed class OpenApiSnapshotTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    /// <summary>Set to 1 to rewrite the snapshot from the local host instead of comparing.</summary>
    public const string RefreshVariable = "SEGMENTS_REFRESH_OPENAPI_SNAPSHOT";

    private const string Refresh = RefreshVariable + "=1 dotnet test tests/Segments.Integration.Tests -c Release --filter FullyQualifiedName~OpenApiSnapshotTests";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SnapshotPath => Path.Combine(RepositoryPaths.Root, "src", "Segments.Pipeline", "Api", "openapi.json");

    [Fact]
    public async Task Committed_snapshot_is_the_document_the_local_host_generates()
    {
        using var client = Host.CreateClientWithoutKey();
        var generated = Normalise(await client.GetStringAsync("/api/openapi.json"));

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, generated);
        }

        var committed = File.Exists(SnapshotPath) ? (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(
            committed == generated,
            $"{SnapshotPath} is stale: it differs from the document the local host generates {FirstDifference(committed, generated)}. Refresh it with: {Refresh}");
    }

    /// <summary>The document indented the one way the snapshot is committed.</summary>
    internal static string Normalise(string document) =>
        JsonNode.Parse(document)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static string FirstDifference(string committed, string generated)
    {
        var left = committed.Split('\n');
        var right = generated.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length ? left[i] : "(end of file)";
            var b = i < right.Length ? right[i] : "(end of file)";
            if (a != b)
            {
                return $"first at line {i + 1}: committed `{a.Trim()}`, generated `{b.Trim()}`";
            }
        }

        return string.Empty;
    }
}
