using Parquet;

namespace Segments.Storage.State;

/// <summary>Opens a state file's Parquet reader; a file that is not readable Parquet is an error naming the file.</summary>
internal static class StateParquet
{
    /// <summary>A reader over <paramref name="stream"/>; <paramref name="name"/> names the file in the error.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a readable Parquet file.</exception>
    public static async Task<ParquetReader> OpenAsync(Stream stream, string name, ParquetOptions? options, bool leaveStreamOpen, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream, options, leaveStreamOpen, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"state file {name} is not a readable Parquet file: {ex.Message}", ex);
        }
    }
}
