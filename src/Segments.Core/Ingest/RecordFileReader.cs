using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest;

/// <summary>
/// An opened export of any kind read record by record (<see cref="ExportRecordRows"/>): the records, the layout
/// bound to their header, and the kind's row mapper. Order and customer exports alike are read through one of these;
/// the kinds differ only in how they are opened and mapped.
/// </summary>
/// <typeparam name="TMapping">The kind's mapping record.</typeparam>
/// <typeparam name="TRow">The kind's row outcome.</typeparam>
public sealed class RecordFileReader<TMapping, TRow>(IRecordSource source, Utf8Check? check, TMapping mapping, string format, IRowMapper<TRow> mapper) : IAsyncDisposable
    where TRow : IParsedRow<TRow>
{
    /// <summary>The layout the file is read with.</summary>
    public TMapping Mapping { get; } = mapping;

    /// <summary>Container format: <c>csv</c>, <c>jsonl</c> or <c>whitespace</c>, with <c>+gzip</c> when compressed.</summary>
    public string Format { get; } = format;

    /// <summary>Every data row, in file order; a problem with the file as a whole ends the read with <see cref="ExportRejectedException"/>.</summary>
    public IAsyncEnumerable<TRow> ReadRowsAsync(CancellationToken cancellationToken) =>
        ExportRecordRows.ReadAsync(source, mapper, check, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => source.DisposeAsync();
}
