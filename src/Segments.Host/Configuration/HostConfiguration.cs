using System.Text.Json;

namespace Segments.Host.Configuration;

/// <summary>Reads settings the way the Functions host does, so one settings file serves both hosts.</summary>
public static class HostConfiguration
{
    /// <summary>The Functions setting that names the storage account.</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>
    /// Adds the <c>Values</c> of <c>local.settings.json</c> (content root, else the current directory) as
    /// configuration, with <c>__</c> read as the section separator. Environment variables and command-line
    /// arguments still win.
    /// </summary>
    public static IConfigurationBuilder AddLocalSettings(this ConfigurationManager configuration, string contentRoot)
    {
        var path = new[] { contentRoot, Directory.GetCurrentDirectory() }
            .Select(dir => Path.Combine(dir, "local.settings.json"))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            return configuration;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out var values))
        {
            return configuration;
        }

        var settings = values.EnumerateObject()
            .Where(p => configuration[p.Name.Replace("__", ":", StringComparison.Ordinal)] is null)
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.ToString());
        return configuration.AddInMemoryCollection(settings);
    }

    /// <summary>The storage connection string; Azurite's well-known development account when unset.</summary>
    public static string StorageConnectionString(this IConfiguration configuration) =>
        configuration[StorageSetting] is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";
}
