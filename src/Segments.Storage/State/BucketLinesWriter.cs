using Parquet;

namespace Segments.Storage.State;

/// <summary>
/// Builds one bucket file line by line, encoding a row group every <see cref="BucketLinesFile.RowGroupLines"/> lines,
/// so that rebuilding every bucket holds the encoded files and 64 small buffers rather than every decoded line.
/// </summary>
public sealed class BucketLinesWriter : IAsyncDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly List<StateLine> _buffer = new(BucketLinesFile.RowGroupLines);
    private ParquetWriter? _writer;

    /// <summary>Lines added.</summary>
    public long Lines { get; private set; }

    /// <summary>Adds the next line (lines are kept in the order added).</summary>
    public async ValueTask AddAsync(StateLine line, CancellationToken cancellationToken)
    {
        _buffer.Add(line);
        Lines++;
        if (_buffer.Count == BucketLinesFile.RowGroupLines)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the last row group and the footer, and returns the file's bytes.</summary>
    public async Task<BinaryData> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count > 0 || _writer is null)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await _writer!.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        return new BinaryData(_stream.ToArray());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _writer ??= await BucketLinesFile.CreateWriterAsync(_stream, cancellationToken).ConfigureAwait(false);
        await BucketLinesFile.WriteRowGroupAsync(_writer, _buffer, cancellationToken).ConfigureAwait(false);
        _buffer.Clear();
    }
}
