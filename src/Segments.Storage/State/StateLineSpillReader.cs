using System.Text;
using Segments.Core.Transactions;

namespace Segments.Storage.State;

/// <summary>
/// Reads what a <see cref="StateLineSpillWriter"/> wrote, from <c>start</c> up to <c>end</c> of its file, one line at
/// a time; several readers over the same file read the runs of lines it holds side by side.
/// </summary>
public sealed class StateLineSpillReader : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryReader _reader;
    private readonly long _end;

    /// <summary>A reader of <paramref name="path"/> from byte <paramref name="start"/> to <paramref name="end"/> (null: the end of the file).</summary>
    public StateLineSpillReader(string path, long start = 0, long? end = null, int bufferSize = 64 * 1024)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
        _file.Position = start;
        _end = end ?? _file.Length;
        _reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The customer bucket of <see cref="Current"/>.</summary>
    public int Bucket { get; private set; }

    /// <summary>The line read by the last <see cref="MoveNext"/> that returned true.</summary>
    public StateLine Current { get; private set; }

    /// <summary>Reads the next line; false at the end of the range.</summary>
    public bool MoveNext()
    {
        if (_file.Position >= _end)
        {
            return false;
        }

        Bucket = _reader.ReadInt32();
        var sequence = _reader.ReadInt32();
        var number = _reader.ReadInt32();
        var line = new TransactionLine(
            _reader.ReadString(),
            _reader.ReadString(),
            DateOnly.FromDayNumber(_reader.ReadInt32()),
            _reader.ReadDecimal(),
            _reader.ReadString(),
            _reader.ReadBoolean())
        {
            Product = _reader.ReadString(),
        };
        Current = new StateLine(sequence, number, line);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
