namespace Segments.Integration.Tests.Fixtures;

/// <summary>The CDNOW files in <c>../shared/data/cdnow</c> (see PROVENANCE.txt there).</summary>
public static class CdnowFiles
{
    /// <summary>The folder, whether or not it exists.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "cdnow");

    /// <summary>id,x,t_x,T in weeks for the 2,357-customer sample.</summary>
    public static string Summary => Path.Combine(Folder, "cdnow_customers_summary.csv");

    /// <summary>The same customers with z̄.</summary>
    public static string SummaryWithSpend => Path.Combine(Folder, "cdnow_customers_summary_with_transactions.csv");

    /// <summary>The full cohort's log: header, white-space separated, YYYYMMDD dates.</summary>
    public static string Master => Path.Combine(Folder, "CDNOW_master.txt");

    /// <summary>The 1/10 sample's log: no header; master id, sample id, date, CDs, dollars.</summary>
    public static string SampleLog => Path.Combine(Folder, "CDNOW_sample.txt");
}
