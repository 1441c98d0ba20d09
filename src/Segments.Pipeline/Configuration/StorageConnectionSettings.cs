using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Segments.Storage.Account;

namespace Segments.Pipeline.Configuration;

/// <summary>
/// The one storage account of the app, named by the setting family <c>AzureWebJobsStorage</c> exactly as the
/// Functions host reads it, so that the runtime's triggers and the pipeline always use the same account:
/// either a connection string in <c>AzureWebJobsStorage</c>, or an identity-based connection in
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__tableServiceUri</c> (or
/// <c>__accountName</c>), with <c>__credential</c> and <c>__clientId</c>. Both hosts read it through
/// <see cref="Read"/>.
/// </summary>
public sealed record StorageConnectionSettings
{
    /// <summary>The setting (and section) name, as the triggers' <c>Connection</c> property takes it.</summary>
    public const string Setting = "AzureWebJobsStorage";

    /// <summary>The only <c>__credential</c> value the Functions host knows: use a managed identity.</summary>
    public const string ManagedIdentity = "managedidentity";

    private StorageConnectionSettings()
    {
    }

    /// <summary>The connection string, for a connection-string connection; otherwise null.</summary>
    public string? ConnectionString { get; private init; }

    /// <summary>The service endpoints, for an identity-based connection; otherwise null.</summary>
    public StorageServiceUris? ServiceUris { get; private init; }

    /// <summary><c>managedidentity</c>, or null for the default credential chain (developer sign-in locally).</summary>
    public string? Credential { get; private init; }

    /// <summary>Client id of the user-assigned managed identity; null for the system-assigned one.</summary>
    public string? ClientId { get; private init; }

    /// <summary>True when the connection authenticates with Microsoft Entra ID rather than a key or SAS.</summary>
    public bool IsIdentityBased => ServiceUris is not null;

    /// <summary>A connection string connection (<c>UseDevelopmentStorage=true</c> means Azurite).</summary>
    public static StorageConnectionSettings FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnectionSettings { ConnectionString = connectionString };
    }

    /// <summary>An identity-based connection to <paramref name="serviceUris"/>.</summary>
    public static StorageConnectionSettings FromServiceUris(StorageServiceUris serviceUris, string? credential = null, string? clientId = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUris);
        return new StorageConnectionSettings { ServiceUris = serviceUris, Credential = credential, ClientId = clientId };
    }

    /// <summary>
    /// Reads the <c>AzureWebJobsStorage</c> family. A non-empty <c>AzureWebJobsStorage</c> value is a connection
    /// string and wins, as in the Functions host. Otherwise the identity-based keys are read; service URIs
    /// missing from them are derived from <c>accountName</c> (public cloud). Returns (null, null) when nothing is
    /// set, and (null, problem) when what is set cannot work, naming the setting to fix.
    /// </summary>
    public static (StorageConnectionSettings? Settings, string? Problem) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is { Length: > 0 } connectionString)
        {
            return (FromConnectionString(connectionString), null);
        }

        var section = configuration.GetSection(Setting);
        var accountName = Value(section, "accountName");
        // "serviceUri" is the blob-only key older Functions documentation used; blobServiceUri is the current one.
        var blob = Value(section, "blobServiceUri") ?? Value(section, "serviceUri");
        var queue = Value(section, "queueServiceUri");
        var table = Value(section, "tableServiceUri");
        var credential = Value(section, "credential");
        var clientId = Value(section, "clientId");

        if (accountName is null && blob is null && queue is null && table is null)
        {
            return credential is null && clientId is null
                ? (null, null)
                : (null, $"{Name("credential")} or {Name("clientId")} is set, but no storage account: set {Setting} (a connection string) "
                    + $"or {Name("blobServiceUri")}, {Name("queueServiceUri")} and {Name("tableServiceUri")} (or {Name("accountName")}).");
        }

        if (accountName is not null && !IsAccountName(accountName))
        {
            return (null, $"{Name("accountName")} '{accountName}' is not a storage account name (3 to 24 lowercase letters and digits).");
        }

        if (credential is not null && !string.Equals(credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{Name("credential")} '{credential}' is not supported: use '{ManagedIdentity}', or leave it unset for the default credential chain.");
        }

        var uris = new List<Uri>(3);
        foreach (var (key, value, service) in new[] { ("blobServiceUri", blob, "blob"), ("queueServiceUri", queue, "queue"), ("tableServiceUri", table, "table") })
        {
            if (value is null)
            {
                if (accountName is null)
                {
                    return (null, $"{Name(key)} is missing: the pipeline uses blobs, queues and tables, so an identity-based connection needs "
                        + $"{Name("blobServiceUri")}, {Name("queueServiceUri")} and {Name("tableServiceUri")}, or {Name("accountName")}.");
                }

                uris.Add(StorageServiceUris.Endpoint(accountName, service));
            }
            else if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            {
                uris.Add(uri);
            }
            else
            {
                // The Azure SDK sends bearer tokens over TLS only.
                return (null, $"{Name(key)} '{value}' is not an absolute https URI (e.g. https://<account>.{service}.{StorageServiceUris.PublicCloudSuffix}/).");
            }
        }

        var settings = FromServiceUris(new StorageServiceUris(uris[0], uris[1], uris[2]), credential is null ? null : ManagedIdentity, clientId);
        return (settings, null);
    }

    /// <summary>Creates the long-lived clients for this connection. Creating them sends no request.</summary>
    public StorageAccount Connect() =>
        ServiceUris is { } uris ? StorageAccount.Connect(uris, CreateCredential()) : StorageAccount.Connect(ConnectionString!);

    /// <summary>
    /// The credential an identity-based connection uses: with <c>credential=managedidentity</c> the managed
    /// identity (the user-assigned one named by <see cref="ClientId"/>, else the system-assigned one), as the
    /// Functions host does; without it the default chain (environment, workload identity, managed identity,
    /// then developer sign-ins such as <c>az login</c>), which is what makes the same settings work on a laptop.
    /// </summary>
    public TokenCredential CreateCredential()
    {
        if (!IsIdentityBased)
        {
            throw new InvalidOperationException("A connection-string connection has no token credential.");
        }

        if (Credential is not null)
        {
            return new ManagedIdentityCredential(ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });
    }

    /// <summary>Describes the connection without its secret: the account key or SAS of a connection string never appears.</summary>
    public override string ToString() => ServiceUris is { } uris
        ? $"identity-based ({Credential ?? "default credential chain"}{(ClientId is null ? string.Empty : $", client id {ClientId}")}): "
            + $"blob {uris.Blob}, queue {uris.Queue}, table {uris.Table}"
        : $"connection string ({AccountOf(ConnectionString!)})";

    private static string? Value(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Name(string key) => $"{Setting}__{key}";

    private static bool IsAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static string AccountOf(string connectionString)
    {
        if (connectionString.Trim().StartsWith("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return "Azurite development storage";
        }

        var accountName = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("AccountName", StringComparison.OrdinalIgnoreCase))?[1];
        return accountName is null ? "account not named" : $"account {accountName}";
    }
}
