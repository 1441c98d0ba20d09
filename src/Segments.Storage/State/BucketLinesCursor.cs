using Parquet;

namespace Segments.Storage.State;

/// <summary>
/// Walks one bucket file's lines in the order written, decoding one row group at a time, so that a run can merge
/// every bucket in read order without holding every decoded line at once.
/// </summary>
public sealed class BucketLinesCursor : IAsyncDisposable
{
    private readonly ParquetReader _reader;
    private readonly string _name;
    private StateLine[] _group = [];
    private int _nextGroup;
    private int _index = -1;

    private BucketLinesCursor(ParquetReader reader, string name)
    {
        _reader = reader;
        _name = name;
    }

    /// <summary>The line the cursor is on (after a <see cref="MoveNextAsync"/> that returned true).</summary>
    public StateLine Current => _group[_index];

    /// <summary>A cursor before the first line of the file in <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    public static async Task<BucketLinesCursor> OpenAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        new(await BucketLinesFile.OpenAsync(stream, name, cancellationToken).ConfigureAwait(false), name);

    /// <summary>Moves to the next line; false after the last.</summary>
    public async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (++_index >= _group.Length)
        {
            if (_nextGroup >= _reader.RowGroupCount)
            {
                _group = [];
                _index = -1;
                return false;
            }

            _group = await BucketLinesFile.ReadRowGroupAsync(_reader, _nextGroup++, _name, cancellationToken).ConfigureAwait(false);
            _index = -1;
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
