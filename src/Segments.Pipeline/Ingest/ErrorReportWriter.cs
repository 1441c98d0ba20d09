using System.Text.Json;
using Segments.Core.Ingest;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Writes rejected rows to the kind's report in <c>transactions-rejected</c> (<see cref="ExportKind.ErrorReportName"/>), one JSON object per line.
/// The report blob is only created when the first error arrives.
/// </summary>
internal sealed class ErrorReportWriter(ErrorReportStore store, string reportName) : IAsyncDisposable
{
    private StreamWriter? _writer;

    /// <summary>The report's name once anything was written, else null.</summary>
    public string? WrittenReportName => _writer is null ? null : reportName;

    public async Task WriteAsync(RowError error, CancellationToken cancellationToken)
    {
        _writer ??= new StreamWriter(await store.OpenWriteAsync(reportName, cancellationToken).ConfigureAwait(false));
        var line = JsonSerializer.Serialize(new { line = error.Line, column = error.Column, value = error.Value, reason = error.Reason });
        await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
