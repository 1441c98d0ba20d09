using Microsoft.Extensions.Configuration;
using Segments.Host.Configuration;

namespace Segments.Integration.Tests.Host;

/// <summary>Which storage account the local host picks from its settings.</summary>
public sealed class HostConfigurationTests
{
    [Fact]
    public void Storage_defaults_to_Azurite_when_nothing_is_set()
    {
        var (settings, problem) = Configuration().StorageConnection();

        Assert.Null(problem);
        Assert.Equal("UseDevelopmentStorage=true", settings!.ConnectionString);
    }

    [Fact]
    public void Storage_takes_the_identity_based_settings_the_Function_App_gets()
    {
        var (settings, problem) = Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://segstore.blob.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://segstore.queue.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://segstore.table.core.windows.net/")).StorageConnection();

        Assert.Null(problem);
        Assert.True(settings!.IsIdentityBased);
    }

    [Fact]
    public void Storage_settings_that_cannot_work_are_not_replaced_by_Azurite()
    {
        var (settings, problem) = Configuration(("AzureWebJobsStorage:accountName", "Not_An_Account")).StorageConnection();

        Assert.Null(settings);
        Assert.NotNull(problem);
        Assert.Throws<InvalidOperationException>(() => Configuration(("AzureWebJobsStorage:accountName", "Not_An_Account")).RequiredStorageConnection());
    }

    [Fact]
    public void Local_settings_file_keys_with_double_underscores_reach_the_storage_section()
    {
        var folder = Directory.CreateTempSubdirectory("segments-settings-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "local.settings.json"), """
                {"IsEncrypted": false, "Values": {
                  "AzureWebJobsStorage__accountName": "segstore",
                  "AzureWebJobsStorage__credential": "managedidentity"}}
                """);
            var configuration = new ConfigurationManager();

            configuration.AddLocalSettings(folder.FullName);
            var (settings, problem) = configuration.StorageConnection();

            Assert.Null(problem);
            Assert.Equal(new Uri("https://segstore.table.core.windows.net/"), settings!.ServiceUris!.Table);
            Assert.Equal("managedidentity", settings.Credential);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
