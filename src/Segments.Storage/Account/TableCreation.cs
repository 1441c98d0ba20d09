using Azure;
using Azure.Data.Tables;

namespace Segments.Storage.Account;

/// <summary>
/// Creates a table unless it exists. The SDK's own <c>CreateIfNotExistsAsync</c> (on <see cref="TableClient"/> and on
/// <see cref="TableServiceClient"/>) writes its request body with <c>RequestContent.Create(object)</c>, reflection-based
/// JSON that a Native AOT build of the CLI (which creates tables in <c>segments upload</c>) cannot run;
/// <see cref="TableClient.CreateAsync"/> writes it with the generated serializer, and a table that exists answers 409.
/// </summary>
public static class TableCreation
{
    /// <summary>Creates <paramref name="table"/> if it does not exist yet.</summary>
    public static async Task CreateIfMissingAsync(TableClient table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // TableAlreadyExists (or TableBeingDeleted, which the next write reports as the SDK's call did).
        }
    }
}
