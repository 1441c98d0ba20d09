using System.CommandLine;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments upload</c>: drop an export into the <c>transactions</c> container, as a shop's export job would, or
/// with <c>--customers</c> a customer export into <c>customers</c>, as a CRM's would, with <c>--events</c> a behaviour-event
/// export into <c>events</c>, as a Segment or GA4 export job would, or with <c>--config</c> a
/// configuration file (<c>segments.json</c>, <c>products.csv</c>, ...) into <c>config</c>.
/// </summary>
public static class UploadCommand
{
    /// <summary>Environment variable holding the storage connection string, as the hosts read it.</summary>
    public const string ConnectionVariable = "AzureWebJobsStorage";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "Export file to upload.", Required = true };
        var name = new Option<string?>("--name") { Description = "Blob name; default: the file name." };
        var connection = new Option<string?>("--connection")
        {
            Description = $"Storage connection string; default: the {ConnectionVariable} environment variable, else Azurite's development storage.",
        };
        var mapping = new Option<string?>("--mapping") { Description = "Force this export mapping for the upload (stored as blob metadata 'mapping')." };
        var customers = new Option<bool>("--customers") { Description = "The file is a customer (profile) export: upload it to the customers container." };
        var events = new Option<bool>("--events") { Description = "The file is a behaviour-event export (Segment spec or GA4 JSON Lines, plain or gzip): upload it to the events container." };
        var config = new Option<bool>("--config") { Description = "The file is configuration (e.g. products.csv, segments.json): upload it to the config container." };
        var command = new Command("upload", "Upload an export file to the transactions container (or, with --customers, a customer export to customers; with --events, an events export to events; with --config, a configuration file to config).")
        {
            file, name, connection, mapping, customers, events, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(file), result.GetValue(name), result.GetValue(connection), result.GetValue(mapping),
            result.GetValue(config) ? StorageNames.ConfigContainer
            : result.GetValue(customers) ? StorageNames.CustomersContainer
            : result.GetValue(events) ? StorageNames.EventsContainer
            : StorageNames.TransactionsContainer,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string? name, string? connection, string? mapping, string container, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"{file.FullName}: no such file.").ConfigureAwait(false);
            return 2;
        }

        var account = StorageAccount.Connect(connection ?? Environment.GetEnvironmentVariable(ConnectionVariable) ?? "UseDevelopmentStorage=true");
        try
        {
            await account.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }

        var stream = file.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            var blob = await new DropZone(account, container).UploadAsync(name ?? file.Name, stream, cancellationToken, mapping).ConfigureAwait(false);
            Console.WriteLine($"uploaded {file.Name} ({blob.SizeBytes} bytes) to {container}/{blob.Name} (ETag {blob.ETag})");
        }

        return 0;
    }
}
