namespace Segments.Storage.State;

/// <summary>
/// Walks a customer bucket's lines as the state holds them, in read order: its delta files newest first, then its
/// base file, each in the order written, and a line of an older file is skipped when a newer delta replaced its order
/// (newest batch wins, as a rebuild's single file has it). Every delta is newer than every file after it, so the
/// concatenation is the bucket's read order (newest batch first, then each batch's own order).
/// </summary>
public sealed class BucketStateCursor : IAsyncDisposable
{
    private readonly BucketLinesCursor?[] _files;
    private readonly IReadOnlySet<string>[] _replacedByFile;
    private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
    private int _file;

    /// <summary>A cursor over <paramref name="newestFirst"/>: each file's lines (null: none) and the order ids it replaces in the files after it.</summary>
    public BucketStateCursor(IReadOnlyList<(BucketLinesCursor? Lines, IReadOnlySet<string> Replaces)> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        _files = newestFirst.Select(f => f.Lines).ToArray();
        _replacedByFile = newestFirst.Select(f => f.Replaces).ToArray();
    }

    /// <summary>The line the cursor is on (after a <see cref="MoveNextAsync"/> that returned true).</summary>
    public StateLine Current => _files[_file]!.Current;

    /// <summary>Lines of older files skipped so far because a newer delta replaced their order.</summary>
    public long Skipped { get; private set; }

    /// <summary>Moves to the next line the state holds; false after the last.</summary>
    public async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (_file < _files.Length)
        {
            if (_files[_file] is { } file)
            {
                while (await file.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!_replaced.Contains(file.Current.Line.OrderId))
                    {
                        return true;
                    }

                    Skipped++;
                }
            }

            // What this file's delta replaced applies to every file after it, not to its own lines.
            _replaced.UnionWith(_replacedByFile[_file]);
            _file++;
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files)
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
