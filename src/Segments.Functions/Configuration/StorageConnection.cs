using Microsoft.Extensions.Configuration;

namespace Segments.Functions.Configuration;

/// <summary>
/// The one storage account of the app: the Functions setting <c>AzureWebJobsStorage</c> names it for the
/// runtime (triggers, receipts, locks) and for the pipeline alike, as in the local host.
/// </summary>
internal static class StorageConnection
{
    /// <summary>The setting name, as the triggers' <c>Connection</c> property takes it.</summary>
    public const string Setting = "AzureWebJobsStorage";

    /// <summary>The connection string; a missing one stops the worker at start-up rather than at the first trigger.</summary>
    public static string From(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Setting {Setting} is missing. The pipeline connects with a connection string "
                + "(\"UseDevelopmentStorage=true\" for Azurite); identity-based settings such as "
                + $"{Setting}__accountName are not supported by StorageAccount.Connect yet.");
}
