namespace Segments.Core.Tests.Scale;

/// <summary>A theory that needs the full UCI Online Retail file beside the repository (<c>../shared/data</c>), skipped without it.</summary>
public sealed class OnlineRetailTheoryAttribute : TheoryAttribute
{
    /// <summary>Where the file is looked for.</summary>
    public static string FilePath { get; } = Find();

    public OnlineRetailTheoryAttribute()
    {
        if (!File.Exists(FilePath))
        {
            Skip = $"needs {FilePath} (../shared/data), not present on this machine";
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "data", "online-retail", "online_retail_2010-2011.csv");
            }
        }

        return "../shared/data/online-retail/online_retail_2010-2011.csv";
    }
}
