using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Cost;
using Segments.Pipeline.Configuration;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Cost;

/// <summary>
/// Prices runs and batches: reads the rates (blob <c>config/rates.json</c> when present, so that prices can be
/// updated without a deployment; otherwise the copy of the repository's <c>config/rates.json</c> built into the
/// app) and applies them to what an execution used, for the app's configured instance memory.
/// </summary>
public sealed partial class CostAccounting(ConfigStore config, IOptions<SegmentsOptions> options, ILogger<CostAccounting> logger)
{
    /// <summary>Blob name of the rates in the <c>config</c> container.</summary>
    public const string BlobName = "rates.json";

    /// <summary>How <see cref="CostRates.Origin"/> names rates read from the <c>config</c> container.</summary>
    public const string BlobOrigin = "blob config/rates.json";

    /// <summary>How <see cref="CostRates.Origin"/> names the rates built into the app.</summary>
    public const string BundledOrigin = "bundled config/rates.json";

    private const string BundledResource = "Segments.Pipeline.Cost.rates.json";

    /// <summary>The rates built into the app (the repository's <c>config/rates.json</c>).</summary>
    public static CostRates Bundled { get; } = ReadBundled();

    /// <summary>
    /// The rates to price with. Read at every execution, inside its measurement, so the read is part of its cost;
    /// a blob that cannot be used is logged and the bundled rates are used instead.
    /// </summary>
    public async Task<CostRates> LoadRatesAsync(CancellationToken cancellationToken)
    {
        var json = await config.ReadTextAsync(BlobName, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return Bundled;
        }

        var (rates, problem) = CostRatesReader.Read(json, BlobOrigin);
        if (rates is null)
        {
            LogUnusableRates(problem ?? "unreadable");
            return Bundled;
        }

        return rates;
    }

    /// <summary>The cost of one execution that used <paramref name="usage"/>.</summary>
    public CostBreakdown Price(UsageReport usage, CostRates rates) =>
        CostCalculator.Price(usage, rates, options.Value.InstanceMemoryMb);

    private static CostRates ReadBundled()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"The bundled rates ({BundledResource}) are missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (rates, problem) = CostRatesReader.Read(reader.ReadToEnd(), BundledOrigin);
        return rates ?? throw new InvalidOperationException($"The bundled config/rates.json cannot be used: {problem}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob config/rates.json cannot be used ({Problem}); pricing with the bundled rates")]
    private partial void LogUnusableRates(string problem);
}
