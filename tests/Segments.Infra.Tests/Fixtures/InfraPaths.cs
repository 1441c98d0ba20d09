using System.Reflection;

namespace Segments.Infra.Tests.Fixtures;

/// <summary>Where the templates and the Bicep compiler are, found from the test binaries.</summary>
public static class InfraPaths
{
    /// <summary>The folder holding Functions.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of the templates.</summary>
    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>The entry template.</summary>
    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    /// <summary>The linter configuration that applies to every template under infra/.</summary>
    public static string BicepConfig => Path.Combine(Infra, "bicepconfig.json");

    /// <summary>The Functions adapter's source folder (not compiled here, but read).</summary>
    public static string FunctionsAdapter => Path.Combine(Root, "src", "Segments.Functions");

    /// <summary>
    /// The Bicep CLI inside the Azure.Bicep.CommandLine.linux-x64 package of this restore (the project file
    /// passes its path as assembly metadata <c>BicepPath</c>).
    /// </summary>
    public static string BicepCompiler { get; } = typeof(InfraPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

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
