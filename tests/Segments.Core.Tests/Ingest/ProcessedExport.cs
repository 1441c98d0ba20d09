using Segments.Core.Ingest;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// Everything <see cref="ExportProcessor"/> said about one upload: the report, and every accepted line and row
/// error in the order the callbacks received them.
/// </summary>
internal sealed record ProcessedExport(IngestReport Report, IReadOnlyList<TransactionLine> Lines, IReadOnlyList<RowError> Errors)
{
    /// <summary>Default rules, except that a bad row does not reject the file, so each row can be looked at.</summary>
    public static IngestOptions Lenient { get; } = new() { MaxRejectedFraction = 1 };

    public static Task<ProcessedExport> ProcessAsync(string text, IngestOptions? options = null, string name = "export.csv", string? mappingName = null, MappingCatalog<ExportMapping>? catalog = null) =>
        ProcessAsync(ExportBytes.Utf8(text), options, name, mappingName, catalog);

    public static async Task<ProcessedExport> ProcessAsync(byte[] bytes, IngestOptions? options = null, string name = "export.csv", string? mappingName = null, MappingCatalog<ExportMapping>? catalog = null, ChunkingSettings? chunking = null, string? encodingName = null)
    {
        var processor = new ExportProcessor(new ExportContext(options ?? new IngestOptions(), catalog ?? MappingCatalog<ExportMapping>.BuiltIn)) { Chunking = chunking ?? ChunkingSettings.Default };
        var lines = new List<TransactionLine>();
        var errors = new List<RowError>();
        using var stream = new MemoryStream(bytes);
        var report = await processor.ProcessAsync(
            stream,
            new ExportSource(name, mappingName) { EncodingName = encodingName },
            line =>
            {
                lines.Add(line);
                return ValueTask.CompletedTask;
            },
            error =>
            {
                errors.Add(error);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        return new ProcessedExport(report, lines, errors);
    }

    /// <summary>Lines joined with <c>\n</c> and ended with one, as most exports are.</summary>
    public static string Text(params string[] lines) => string.Join("\n", lines) + "\n";
}
