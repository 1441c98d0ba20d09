using System.Text.Json;
using Segments.Pipeline.Configuration;

namespace Segments.Host.Configuration;

/// <summary>Reads settings the way the Functions host does, so one settings file serves both hosts.</summary>
public static class HostConfiguration
{
    /// <summary>The Functions setting that names the storage account.</summary>

    /// <summary>
    /// Adds the host's own <c>appsettings.json</c> (beside the program: log levels) as the lowest-precedence source,
    /// so that it applies whatever the working directory (<c>scripts/run-local.sh</c> runs the host from the
    /// repository root, where the content-root <c>appsettings.json</c> is not found); every other source wins.
    /// </summary>
    public static IConfigurationBuilder AddHostDefaults(this ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
        return configuration;
    }

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

    /// <summary>Azurite's well-known development account, the local host's storage when nothing is set.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// The storage connection, read from the <c>AzureWebJobsStorage</c> family as the Functions adapter reads it
    /// (connection string, or identity-based service URIs); Azurite when nothing is set. The problem says which
    /// setting to fix when what is set cannot work.
    /// </summary>
    public static (StorageConnectionSettings? Settings, string? Problem) StorageConnection(this IConfiguration configuration)
    {
        var (settings, problem) = StorageConnectionSettings.Read(configuration);
        return settings is null && problem is null ? (StorageConnectionSettings.FromConnectionString(DevelopmentStorage), null) : (settings, problem);
    }

    /// <summary>The storage connection; throws with the problem when the settings cannot work.</summary>
    public static StorageConnectionSettings RequiredStorageConnection(this IConfiguration configuration)
    {
        var (settings, problem) = configuration.StorageConnection();
        return settings ?? throw new InvalidOperationException(problem);
    }
}
