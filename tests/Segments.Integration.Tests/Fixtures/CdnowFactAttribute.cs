namespace Segments.Integration.Tests.Fixtures;

/// <summary>A fact that needs the CDNOW files from <c>../shared/data/cdnow</c>; skipped where they are absent.</summary>
public sealed class CdnowFactAttribute : FactAttribute
{
    /// <summary>Skips when the data set is not beside the repository.</summary>
    public CdnowFactAttribute()
    {
        if (!File.Exists(CdnowFiles.Summary) || !File.Exists(CdnowFiles.SummaryWithSpend) || !File.Exists(CdnowFiles.Master) || !File.Exists(CdnowFiles.SampleLog))
        {
            Skip = $"needs {CdnowFiles.Folder} (../shared/data), not present on this machine";
        }
    }
}
