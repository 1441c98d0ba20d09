using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest.Mappings;

/// <summary>What a kind of export supplies to the shared record reading: how one well-formed record becomes its row outcome.</summary>
/// <typeparam name="TRow">The kind's row outcome.</typeparam>
public interface IRowMapper<out TRow>
{
    /// <summary>Maps the current record, read at <paramref name="line"/>.</summary>
    TRow Map(IExportRecord record, long line);
}
