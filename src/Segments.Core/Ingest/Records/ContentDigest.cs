using System.Security.Cryptography;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// The SHA-256 of what an export holds: its bytes after decompression, so that the same export plain and
/// gzipped (or gzipped twice with other settings) is recognised as the same content. It is computed on the
/// way through, as the parser reads, and is known only once the content has been read to its end.
/// </summary>
public sealed class ContentDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Lower-case hex SHA-256 of the whole content; null until its end has been read (a file refused early).</summary>
    public string? Hash { get; private set; }

    /// <summary>Bytes of content hashed so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>A stream that hashes everything read through it from <paramref name="content"/>.</summary>
    internal Stream Observe(Stream content) => new DigestStream(content, this);

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();

    private void Append(ReadOnlySpan<byte> bytes, bool end)
    {
        if (end)
        {
            Hash ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
            return;
        }

        _hash.AppendData(bytes);
        BytesRead += bytes.Length;
    }

    private sealed class DigestStream(Stream inner, ContentDigest digest) : ReadOnlyStreamWrapper(inner)
    {
        public override int Read(Span<byte> buffer)
        {
            var read = Inner.Read(buffer);
            digest.Append(buffer[..read], end: read == 0 && !buffer.IsEmpty);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            digest.Append(buffer.Span[..read], end: read == 0 && !buffer.IsEmpty);
            return read;
        }
    }
}
