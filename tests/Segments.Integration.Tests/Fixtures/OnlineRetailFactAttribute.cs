namespace Segments.Integration.Tests.Fixtures;

/// <summary>A fact that needs the full Online Retail file from <c>../shared/data</c>; skipped where it is absent.</summary>
public sealed class OnlineRetailFactAttribute : FactAttribute
{
    /// <summary>Skips when the data set is not beside the repository.</summary>
    public OnlineRetailFactAttribute()
    {
        if (!File.Exists(RepositoryPaths.OnlineRetail))
        {
            Skip = $"needs {RepositoryPaths.OnlineRetail} (../shared/data), not present on this machine";
        }
    }
}
