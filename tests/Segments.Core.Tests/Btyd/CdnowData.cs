using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>
/// The CDNOW files in <c>../shared/data/cdnow</c> (Fader &amp; Hardie's CDNOW cohort; see PROVENANCE.txt there),
/// found from the test binaries.
/// </summary>
internal static class CdnowData
{
    /// <summary>The folder, whether or not it exists.</summary>
    public static string Folder { get; } = Path.Combine(FindRoot(), "..", "shared", "data", "cdnow");

    /// <summary>id,x,t_x,T in weeks for the 2,357-customer sample, calibration 1997-01-01..1997-09-30.</summary>
    public static string Summary => Path.Combine(Folder, "cdnow_customers_summary.csv");

    /// <summary>The same customers with z̄, the mean value of their repeat transactions.</summary>
    public static string SummaryWithSpend => Path.Combine(Folder, "cdnow_customers_summary_with_transactions.csv");

    /// <summary>The 1/10 sample's transaction log: master id, sample id, YYYYMMDD, CDs, dollars; no header.</summary>
    public static string SampleLog => Path.Combine(Folder, "CDNOW_sample.txt");

    /// <summary>Reads a summary file through the product's reader.</summary>
    public static async Task<IReadOnlyList<CustomerSummary>> ReadSummaryAsync(string path)
    {
        using var reader = new StreamReader(path);
        var file = await SummaryFileReader.ReadAsync(reader, CancellationToken.None);
        Assert.Null(file.Rejection);
        Assert.Equal(0, file.RowsRejected);
        return file.Customers;
    }

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
