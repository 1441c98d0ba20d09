namespace Segments.Integration.Tests.Fixtures;

/// <summary>Locations in the repository and beside it, found from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Functions.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Azurite launcher installed by <c>npm ci</c> at the repository root.</summary>
    public static string Azurite => Path.Combine(Root, "node_modules", ".bin", "azurite");

    /// <summary>The Redocly CLI (OpenAPI lint) installed by <c>npm ci</c> at the repository root.</summary>
    public static string Redocly => Path.Combine(Root, "node_modules", ".bin", "redocly");

    /// <summary>The Prism CLI (OpenAPI validating proxy) installed by <c>npm ci</c> at the repository root.</summary>
    public static string Prism => Path.Combine(Root, "node_modules", ".bin", "prism");

    /// <summary>The bundled sample export.</summary>
    public static string Sample => Path.Combine(Root, "samples", "online-retail-sample.csv");

    /// <summary>The bundled synthetic customer profiles for the sample's customers.</summary>
    public static string CustomersSample => Path.Combine(Root, "samples", "customers-sample.csv");

    /// <summary>The bundled synthetic behaviour events (Segment spec JSON Lines) for the sample's customers.</summary>
    public static string EventsSample => Path.Combine(Root, "samples", "events-sample.jsonl");

    /// <summary>The full UCI Online Retail file in <c>../shared/data</c>, when that folder is present.</summary>
    public static string OnlineRetail => Path.Combine(Root, "..", "shared", "data", "online-retail", "online_retail_2010-2011.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Functions.sln not found above {AppContext.BaseDirectory}.");
    }
}
