namespace Segments.Core.Tests.Btyd;

/// <summary>A fact that needs the CDNOW files from <c>../shared/data/cdnow</c>; skipped where they are absent.</summary>
public sealed class CdnowFactAttribute : FactAttribute
{
    /// <summary>Skips when the data set is not beside the repository.</summary>
    public CdnowFactAttribute()
    {
        if (!File.Exists(CdnowData.SummaryWithSpend) || !File.Exists(CdnowData.Summary) || !File.Exists(CdnowData.SampleLog))
        {
            Skip = $"needs {CdnowData.Folder} (../shared/data), not present on this machine";
        }
    }
}
