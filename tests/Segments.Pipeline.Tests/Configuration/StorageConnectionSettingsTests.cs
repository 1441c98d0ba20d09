using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Tests.Configuration;

/// <summary>
/// Reading the <c>AzureWebJobsStorage</c> setting family as the Functions host reads it. No test here asks a
/// credential for a token: outside Azure that would reach for the instance metadata endpoint.
/// </summary>
public sealed class StorageConnectionSettingsTests
{
    private const string AzuriteKeyConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    [Fact]
    public void Read_returns_nothing_when_no_storage_setting_is_present()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(("Segments:Schedule", "0 0 2 * * *")));

        Assert.Null(settings);
        Assert.Null(problem);
    }

    [Fact]
    public void Read_takes_a_plain_value_as_a_connection_string()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Null(problem);
        Assert.NotNull(settings);
        Assert.False(settings.IsIdentityBased);
        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
    }

    [Fact]
    public void Read_prefers_the_connection_string_over_identity_keys_as_the_Functions_host_does()
    {
        var (settings, _) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
            ("AzureWebJobsStorage:blobServiceUri", "https://shop.blob.core.windows.net/")));

        Assert.False(settings!.IsIdentityBased);
    }

    [Fact]
    public void Read_takes_the_three_service_uris_credential_and_client_id_of_an_identity_based_connection()
    {
        var (settings, problem) = StorageConnectionSettings.Read(IdentityConfiguration());

        Assert.Null(problem);
        Assert.NotNull(settings);
        Assert.True(settings.IsIdentityBased);
        Assert.Null(settings.ConnectionString);
        Assert.Equal(new Uri("https://segstore.blob.core.windows.net/"), settings.ServiceUris!.Blob);
        Assert.Equal(new Uri("https://segstore.queue.core.windows.net/"), settings.ServiceUris.Queue);
        Assert.Equal(new Uri("https://segstore.table.core.windows.net/"), settings.ServiceUris.Table);
        Assert.Equal("managedidentity", settings.Credential);
        Assert.Equal("00000000-0000-0000-0000-0000000000c1", settings.ClientId);
    }

    [Fact]
    public void Read_matches_setting_names_case_insensitively()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(
            ("AZUREWEBJOBSSTORAGE:BlobServiceUri", "https://segstore.blob.core.windows.net/"),
            ("azurewebjobsstorage:QUEUESERVICEURI", "https://segstore.queue.core.windows.net/"),
            ("AzureWebJobsStorage:tableserviceuri", "https://segstore.table.core.windows.net/"),
            ("AzureWebJobsStorage:Credential", "ManagedIdentity")));

        Assert.Null(problem);
        Assert.Equal("managedidentity", settings!.Credential);
    }

    [Fact]
    public void Read_derives_public_cloud_endpoints_from_the_account_name()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(("AzureWebJobsStorage:accountName", "segstore")));

        Assert.Null(problem);
        Assert.Equal(new Uri("https://segstore.blob.core.windows.net/"), settings!.ServiceUris!.Blob);
        Assert.Equal(new Uri("https://segstore.queue.core.windows.net/"), settings.ServiceUris.Queue);
        Assert.Equal(new Uri("https://segstore.table.core.windows.net/"), settings.ServiceUris.Table);
        Assert.Null(settings.Credential);
    }

    [Fact]
    public void Read_keeps_an_explicit_service_uri_next_to_the_account_name()
    {
        var (settings, _) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:accountName", "segstore"),
            ("AzureWebJobsStorage:tableServiceUri", "https://tables.example.net/")));

        Assert.Equal(new Uri("https://tables.example.net/"), settings!.ServiceUris!.Table);
        Assert.Equal(new Uri("https://segstore.blob.core.windows.net/"), settings.ServiceUris.Blob);
    }

    [Fact]
    public void Read_accepts_the_older_blob_only_serviceUri_key()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:serviceUri", "https://segstore.blob.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://segstore.queue.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://segstore.table.core.windows.net/")));

        Assert.Null(problem);
        Assert.Equal(new Uri("https://segstore.blob.core.windows.net/"), settings!.ServiceUris!.Blob);
    }

    [Fact]
    public void Read_names_the_missing_service_uri()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://segstore.blob.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://segstore.table.core.windows.net/")));

        Assert.Null(settings);
        Assert.StartsWith("AzureWebJobsStorage__queueServiceUri is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_rejects_a_service_uri_without_tls_because_tokens_travel_over_https_only()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "http://127.0.0.1:10000/devstoreaccount1"),
            ("AzureWebJobsStorage:queueServiceUri", "https://segstore.queue.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://segstore.table.core.windows.net/")));

        Assert.Null(settings);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri 'http://127.0.0.1:10000/devstoreaccount1' is not an absolute https URI", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_rejects_a_relative_service_uri()
    {
        var (_, problem) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:accountName", "segstore"),
            ("AzureWebJobsStorage:queueServiceUri", "segstore.queue")));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri 'segstore.queue' is not an absolute https URI", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_rejects_a_credential_the_Functions_host_does_not_know()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:accountName", "segstore"),
            ("AzureWebJobsStorage:credential", "clientsecret")));

        Assert.Null(settings);
        Assert.Contains("AzureWebJobsStorage__credential 'clientsecret' is not supported", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_rejects_a_credential_without_an_account()
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-0000000000c1")));

        Assert.Null(settings);
        Assert.Contains("no storage account", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Seg-Store")]
    [InlineData("ab")]
    [InlineData("averyveryverylongaccountname")]
    public void Read_rejects_an_account_name_storage_would_not_accept(string accountName)
    {
        var (settings, problem) = StorageConnectionSettings.Read(Configuration(("AzureWebJobsStorage:accountName", accountName)));

        Assert.Null(settings);
        Assert.Contains($"AzureWebJobsStorage__accountName '{accountName}' is not a storage account name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Managed_identity_credential_uses_the_user_assigned_identity()
    {
        var (settings, _) = StorageConnectionSettings.Read(IdentityConfiguration());

        Assert.IsType<ManagedIdentityCredential>(settings!.CreateCredential());
    }

    [Fact]
    public void Without_a_credential_setting_the_default_chain_is_used_so_a_developer_sign_in_works()
    {
        var (settings, _) = StorageConnectionSettings.Read(Configuration(("AzureWebJobsStorage:accountName", "segstore")));

        Assert.IsType<DefaultAzureCredential>(settings!.CreateCredential());
    }

    [Fact]
    public void A_connection_string_connection_has_no_token_credential()
    {
        var settings = StorageConnectionSettings.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Throws<InvalidOperationException>(settings.CreateCredential);
    }

    [Fact]
    public void Connect_points_the_identity_clients_at_the_configured_endpoints()
    {
        var (settings, _) = StorageConnectionSettings.Read(IdentityConfiguration());

        var account = settings!.Connect();

        Assert.Equal("segstore.blob.core.windows.net", account.Blobs.Uri.Host);
        Assert.Equal("segstore.queue.core.windows.net", account.Queues.Uri.Host);
        Assert.Equal("segstore.table.core.windows.net", account.Tables.Uri.Host);
    }

    [Fact]
    public void Connect_with_a_connection_string_uses_its_account()
    {
        var account = StorageConnectionSettings.FromConnectionString("UseDevelopmentStorage=true").Connect();

        Assert.Equal("devstoreaccount1", account.Blobs.AccountName);
    }

    [Fact]
    public void ToString_never_shows_the_account_key_of_a_connection_string()
    {
        var text = StorageConnectionSettings.FromConnectionString(AzuriteKeyConnection).ToString();

        Assert.Equal("connection string (account devstoreaccount1)", text);
        Assert.DoesNotContain("Eby8vdM02", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_describes_an_identity_based_connection()
    {
        var (settings, _) = StorageConnectionSettings.Read(IdentityConfiguration());

        Assert.StartsWith("identity-based (managedidentity, client id 00000000-0000-0000-0000-0000000000c1): blob https://segstore.blob.core.windows.net/", settings!.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration IdentityConfiguration() => Configuration(
        ("AzureWebJobsStorage:blobServiceUri", "https://segstore.blob.core.windows.net/"),
        ("AzureWebJobsStorage:queueServiceUri", "https://segstore.queue.core.windows.net/"),
        ("AzureWebJobsStorage:tableServiceUri", "https://segstore.table.core.windows.net/"),
        ("AzureWebJobsStorage:credential", "managedidentity"),
        ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-0000000000c1"));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
