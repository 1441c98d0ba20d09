using System.CommandLine;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;

namespace Segments.Cli.Commands;

/// <summary>The options every command that reads an export shares, so they read it exactly alike.</summary>
internal sealed class ExportInputOptions
{
    public Option<FileInfo> Input { get; } = new("--input") { Description = "Export file: CSV (comma, semicolon or tab), JSON Lines, or either gzipped.", Required = true };

    public Option<string?> Profile { get; } = new("--profile") { Description = "Read with this mapping instead of detecting one from the header (e.g. shopify-orders)." };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "The file's text encoding when it is not UTF-8 (e.g. windows-1252), as blob metadata 'encoding' declares it." };

    public Option<FileInfo[]> MappingFiles { get; } = new("--mapping-file") { Description = "An extra export mapping (JSON), as in the config/mappings/ container; repeatable.", AllowMultipleArgumentsPerToken = true };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Profile);
        command.Options.Add(MappingFiles);
        command.Options.Add(Encoding);
    }

    /// <summary>What is known about the input file before reading it: its name, a forced mapping, a declared encoding.</summary>
    public ExportSource Source(ParseResult result, FileInfo file) =>
        new(file.Name, result.GetValue(Profile)) { EncodingName = result.GetValue(Encoding) };

    /// <summary>The export context, or the problems with the mapping files given.</summary>
    public (ExportContext? Context, IReadOnlyList<string> Problems) Context(ParseResult result)
    {
        var mappings = new List<ExportMapping>();
        var problems = new List<string>();
        foreach (var file in result.GetValue(MappingFiles) ?? [])
        {
            if (!file.Exists)
            {
                problems.Add($"{file.FullName}: no such file");
                continue;
            }

            var (mapping, errors) = MappingCatalog<ExportMapping>.Parse(File.ReadAllText(file.FullName), file.Name);
            if (mapping is null)
            {
                problems.AddRange(errors);
            }
            else
            {
                mappings.Add(mapping);
            }
        }

        return problems.Count > 0 ? (null, problems) : (new ExportContext(new IngestOptions(), MappingCatalog<ExportMapping>.BuiltIn.With(mappings)), problems);
    }
}
