using System.Runtime.CompilerServices;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest;

/// <summary>
/// Record by record reading that every kind of delimited or JSON Lines export shares (orders, customer profiles):
/// bytes that are not UTF-8, a record the source could not read, a blank line and a wrong field count are decided
/// here, the same way for every kind; only a well-formed record goes to the kind's <see cref="IRowMapper{TRow}"/>.
/// </summary>
internal static class ExportRecordRows
{
    /// <summary>
    /// Every data row of <paramref name="source"/>, in file order. A problem with the file as a whole (a record over
    /// the length limit, corrupt compression, the size limit) ends the read with <see cref="ExportRejectedException"/>.
    /// </summary>
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(IRecordSource source, IRowMapper<TRow> mapper, Utf8Check? check, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRow : IParsedRow<TRow>
    {
        var expectedFields = source.Columns.Count;
        while (true)
        {
            bool more;
            try
            {
                more = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ExportInput.FileLevelReason(ex, source.Line + 1) is { } reason)
            {
                throw new ExportRejectedException(reason, ex);
            }

            if (!more)
            {
                yield break;
            }

            var line = source.Line;
            if (check?.FirstInvalidUpTo(source.LastLine) is { } offset)
            {
                yield return TRow.Reject(RowError.For(line, string.Empty, string.Empty, Utf8Check.Describe(offset)));
                continue;
            }

            yield return source.Problem is { } problem
                ? TRow.Reject(RowError.For(line, string.Empty, string.Empty, problem))
                : RowFor(source.Current, line, expectedFields, mapper);
        }
    }

    /// <summary>What one record becomes: a blank line, a short record, or whatever the mapping makes of it.</summary>
    public static TRow RowFor<TRow>(IExportRecord record, long line, int expectedFields, IRowMapper<TRow> mapper)
        where TRow : IParsedRow<TRow>
    {
        if (record.FieldCount <= 1 && record.Field(0).Trim().IsEmpty)
        {
            return TRow.Skip(line, "blank line");
        }

        // More fields than the header names is as wrong as fewer: a value with an unquoted separator in it
        // (a thousands comma) would otherwise shift into the next column unnoticed.
        return record.FieldCount != expectedFields
            ? TRow.Reject(RowError.For(line, string.Empty, string.Empty, $"expected {expectedFields} fields, found {record.FieldCount}"))
            : mapper.Map(record, line);
    }
}
