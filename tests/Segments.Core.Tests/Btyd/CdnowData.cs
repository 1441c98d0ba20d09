using Segments.Core.Btyd;
using Segments.Core.Ingest;

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

    /// <summary>The end of the 39-week calibration period of the CDNOW studies.</summary>
    public static DateOnly CalibrationEnd { get; } = new(1997, 9, 30);

    /// <summary>
    /// Calibration summaries built from the sample's transaction log by the product's reader and builder: customer
    /// = the sample id (column 2), date column 3, dollars column 5; weeks; calibration ends 1997-09-30.
    /// </summary>
    public static async Task<CalibrationData> BuildSampleCalibrationAsync()
    {
        var builder = new CustomerHistoryBuilder();
        using var reader = new StreamReader(SampleLog);
        var report = await PurchaseLogReader.ReadIntoAsync(reader, new PurchaseLogOptions("2", "3", "5"), builder, CancellationToken.None);
        Assert.Null(report.Rejection);
        Assert.Equal(0, report.RowsRejected);
        return builder.Build(CalibrationEnd, TimeUnit.Week);
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
