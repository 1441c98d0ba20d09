using System.CommandLine;

namespace Segments.Cli.Commands;

/// <summary><c>segments upload</c>: drop an export into the <c>transactions</c> container, as a shop's export job would.</summary>
public static class UploadCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "Export file to upload.", Required = true };
        var name = new Option<string?>("--name") { Description = "Blob name; default: the file name." };
        var connection = new Option<string>("--connection")
        {
            Description = "Storage connection string; default: the SEGMENTS_STORAGE environment variable, else Azurite's development storage.",
        };
        var command = new Command("upload", "Upload an export file to the transactions container.") { file, name, connection };
        command.SetAction((result, cancellationToken) => Task.FromResult(0));
        return command;
    }
}
