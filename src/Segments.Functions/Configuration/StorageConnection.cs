using Microsoft.Extensions.Configuration;
using Segments.Pipeline.Configuration;

namespace Segments.Functions.Configuration;

/// <summary>
/// The one storage account of the app: the Functions setting family <c>AzureWebJobsStorage</c> names it for
/// the runtime (triggers, receipts, locks) and for the pipeline alike, as in the local host. In Azure it is
/// identity-based (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>; see infra/); locally a connection string.
/// </summary>
internal static class StorageConnection
{
    /// <summary>The setting name, as the triggers' <c>Connection</c> property takes it.</summary>
    public const string Setting = StorageConnectionSettings.Setting;

    /// <summary>The connection; missing or unusable settings stop the worker at start-up rather than at the first trigger.</summary>
    public static StorageConnectionSettings From(IConfiguration configuration)
    {
        var (settings, problem) = StorageConnectionSettings.Read(configuration);
        return settings ?? throw new InvalidOperationException(problem ?? Missing);
    }

    /// <summary>What to set when no storage setting is there at all.</summary>
    public static string Missing =>
        $"Setting {Setting} is missing: set {Setting} (a connection string; \"UseDevelopmentStorage=true\" for Azurite) "
        + $"or the identity-based {Setting}__blobServiceUri, __queueServiceUri, __tableServiceUri, __credential and __clientId.";
}
