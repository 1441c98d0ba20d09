using System.Text;

namespace Segments.Storage.State;

/// <summary>
/// Appends <see cref="StateLine"/>s with their customer bucket to a local spill file in a compact binary form: a
/// rebuild passes every line of the store through such files twice, so they are written without Parquet's encoding
/// cost, and read back by <see cref="StateLineSpillReader"/> in the order written.
/// </summary>
public sealed class StateLineSpillWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    /// <summary>A writer appending to <paramref name="path"/> (created if missing).</summary>
    public StateLineSpillWriter(string path, int bufferSize = 64 * 1024)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize);
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Bytes written so far (where the next line starts).</summary>
    public long Position
    {
        get
        {
            _writer.Flush();
            return _file.Position;
        }
    }

    /// <summary>Lines written.</summary>
    public long Lines { get; private set; }

    /// <summary>Appends <paramref name="line"/>, which belongs to customer bucket <paramref name="bucket"/>.</summary>
    public void Write(int bucket, in StateLine line)
    {
        var l = line.Line;
        _writer.Write(bucket);
        _writer.Write(line.BatchSequence);
        _writer.Write(line.LineNumber);
        _writer.Write(l.CustomerId);
        _writer.Write(l.OrderId);
        _writer.Write(l.OrderDate.DayNumber);
        _writer.Write(l.Amount);
        _writer.Write(l.Country);
        _writer.Write(l.IsCancellation);
        _writer.Write(l.Product);
        Lines++;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
