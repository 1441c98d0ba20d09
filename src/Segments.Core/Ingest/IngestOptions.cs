namespace Segments.Core.Ingest;

/// <summary>
/// A store's ingestion rules (configuration section <c>Segments:Ingest</c>), shared by the blob trigger and
/// the CLI so that both accept and reject exactly the same files.
/// </summary>
public sealed record IngestOptions
{
    /// <summary>The store's reporting currency (ISO code); when unset, currency columns are not checked.</summary>
    public string? ReportingCurrency { get; init; }

    /// <summary>Units of the reporting currency per unit of another currency; rows in a currency not listed are rejected.</summary>
    public IReadOnlyDictionary<string, decimal> CurrencyRates { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Above this share of rejected rows the whole file is rejected, so that a broken export cannot skew segments.</summary>
    public double MaxRejectedFraction { get; init; } = 0.05;

    /// <summary>Largest file accepted, in bytes, after decompression.</summary>
    public long MaxFileBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Longest single record accepted, in characters.</summary>
    public int MaxRecordChars { get; init; } = 1024 * 1024;

    /// <summary>Most columns a header may name: a wider one is not an export but a broken or hostile file.</summary>
    public int MaxColumns { get; init; } = 4096;

    /// <summary>Largest ratio of decompressed to compressed bytes of a gzip file (a guard against decompression bombs).</summary>
    public double MaxGzipExpansion { get; init; } = 200;

    /// <summary>Whether e-mail addresses used as customer ids are replaced by a keyed hash before anything is stored.</summary>
    public bool HashEmails { get; init; } = true;

    /// <summary>Secret key of that hash; set one per store so that the hashes cannot be recomputed from a list of e-mails.</summary>
    public string EmailHashKey { get; init; } = string.Empty;
}
