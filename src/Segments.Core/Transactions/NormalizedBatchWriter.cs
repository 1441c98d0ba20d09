using System.Buffers;
using System.Globalization;
using System.Text;
using Segments.Core.Ingest;

namespace Segments.Core.Transactions;

/// <summary>
/// Writes a normalised batch (<see cref="NormalizedBatchFormat"/>) as UTF-8 bytes straight into a stream:
/// the same bytes as <see cref="NormalizedBatchFormat.WriteAsync"/> through a <see cref="StreamWriter"/> in
/// <see cref="NormalizedBatchFormat.Encoding"/>, without formatting each line as UTF-16 first and encoding it
/// again, and without an asynchronous write per line (the buffer is written out when it is nearly full).
/// Disposing flushes the buffer and disposes the stream.
/// </summary>
public sealed class NormalizedBatchWriter(Stream stream) : IAsyncDisposable
{
    private const int BufferBytes = 64 * 1024;

    // A line is formatted in place when this much room is left; longer lines (rare) take the plain route.
    private const int LineRoom = 1024;

    private static readonly SearchValues<byte> NeedsQuoting = SearchValues.Create(",\"\r\n"u8);

    private static readonly byte[] NewLine = NormalizedBatchFormat.Encoding.GetBytes(Environment.NewLine);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _length;

    /// <summary>Writes the header line.</summary>
    public ValueTask WriteHeaderAsync(CancellationToken cancellationToken = default) =>
        WriteTextAsync(NormalizedBatchFormat.Header, cancellationToken);

    /// <summary>Writes one line.</summary>
    public ValueTask WriteAsync(in TransactionLine line, CancellationToken cancellationToken = default)
    {
        var free = _buffer.AsSpan(_length);
        if (free.Length >= LineRoom && TryFormat(line, free, out var written))
        {
            _length += written;
            return _buffer.Length - _length < LineRoom ? FlushBufferAsync(cancellationToken) : ValueTask.CompletedTask;
        }

        return WriteTextAsync(NormalizedBatchFormat.LineText(line), cancellationToken);
    }

    /// <summary>Writes out what is buffered.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await FlushBufferAsync(cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask WriteTextAsync(string text, CancellationToken cancellationToken)
    {
        await FlushBufferAsync(cancellationToken).ConfigureAwait(false);
        var bytes = NormalizedBatchFormat.Encoding.GetBytes(text + Environment.NewLine);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask FlushBufferAsync(CancellationToken cancellationToken)
    {
        if (_length == 0)
        {
            return ValueTask.CompletedTask;
        }

        var pending = _buffer.AsMemory(0, _length);
        _length = 0;
        return stream.WriteAsync(pending, cancellationToken);
    }

    /// <summary>The line's bytes with its line break; false when it does not fit or a field needs the plain route.</summary>
    private static bool TryFormat(in TransactionLine line, Span<byte> destination, out int length)
    {
        length = 0;
        var date = line.OrderDate;
        if (!TryAppendField(destination, ref length, line.CustomerId)
            || !TryAppendField(destination, ref length, line.OrderId)
            || destination.Length - length < 12)
        {
            return false;
        }

        AppendDigits(destination, ref length, date.Year, 4);
        destination[length++] = (byte)'-';
        AppendDigits(destination, ref length, date.Month, 2);
        destination[length++] = (byte)'-';
        AppendDigits(destination, ref length, date.Day, 2);
        destination[length++] = (byte)',';
        if (!PlainAmount.TryFormat(line.Amount, destination[length..], out var written)
            && !line.Amount.TryFormat(destination[length..], out written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        length += written;
        if (destination.Length - length < 1)
        {
            return false;
        }

        destination[length++] = (byte)',';
        if (!TryAppendField(destination, ref length, line.Country) || destination.Length - length < 2)
        {
            return false;
        }

        destination[length++] = line.IsCancellation ? (byte)'1' : (byte)'0';
        destination[length++] = (byte)',';
        if (!TryAppendRaw(destination, ref length, line.Product) || destination.Length - length < NewLine.Length)
        {
            return false;
        }

        NewLine.CopyTo(destination[length..]);
        length += NewLine.Length;
        return true;
    }

    /// <summary>A field and the comma after it.</summary>
    private static bool TryAppendField(Span<byte> destination, ref int length, string value)
    {
        if (!TryAppendRaw(destination, ref length, value) || length >= destination.Length)
        {
            return false;
        }

        destination[length++] = (byte)',';
        return true;
    }

    /// <summary>
    /// ASCII without a comma, quote or line break is copied byte for byte (ids, countries, SKUs); anything else
    /// is quoted as <see cref="CsvField.Escape"/> does and encoded as the stream writer would.
    /// </summary>
    private static bool TryAppendRaw(Span<byte> destination, ref int length, string value)
    {
        var free = destination[length..];
        if (value.Length <= free.Length
            && Ascii.FromUtf16(value, free, out var copied) == OperationStatus.Done
            && !free[..copied].ContainsAny(NeedsQuoting))
        {
            length += copied;
            return true;
        }

        var escaped = CsvField.Escape(value);
        if (!NormalizedBatchFormat.Encoding.TryGetBytes(escaped, free, out var written))
        {
            return false;
        }

        length += written;
        return true;
    }

    private static void AppendDigits(Span<byte> destination, ref int length, int value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[length + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        length += digits;
    }
}
