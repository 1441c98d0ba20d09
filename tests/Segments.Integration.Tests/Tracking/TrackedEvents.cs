using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Tracking;

/// <summary>
/// What the tracking API stored in the <c>events</c> container, read back as the blob path reads it: each blob
/// through Core's <see cref="EventLinesReader"/> (Segment dialect), and each line also as raw JSON, for the fields
/// the canonical event does not keep (properties, traits, context).
/// </summary>
/// <param name="BlobNames">The blobs under <c>tracking/</c>, in name order.</param>
/// <param name="Events">Every event read, blob by blob, in line order.</param>
/// <param name="Errors">Every line the reader rejected.</param>
/// <param name="Messages">Every line as JSON, in the same order as <paramref name="Events"/> (when no line is rejected).</param>
/// <param name="Text">All blobs' text, concatenated.</param>
public sealed partial record TrackedEvents(IReadOnlyList<string> BlobNames, IReadOnlyList<BehaviourEvent> Events, IReadOnlyList<RowError> Errors, IReadOnlyList<JsonElement> Messages, string Text)
{
    /// <summary>Reads every tracking blob of the account behind <paramref name="connectionString"/>.</summary>
    public static async Task<TrackedEvents> ReadAsync(string connectionString)
    {
        var container = StorageAccount.Connect(connectionString).Blobs.GetBlobContainerClient(StorageNames.EventsContainer);
        var names = new List<string>();

        // The store creates the container with its first blob: none yet, nothing stored.
        if (!(await container.ExistsAsync()).Value)
        {
            return new TrackedEvents([], [], [], [], string.Empty);
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, TrackedEventsStore.Prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        var events = new List<BehaviourEvent>();
        var errors = new List<RowError>();
        var messages = new List<JsonElement>();
        var text = new System.Text.StringBuilder();
        var reader = new EventLinesReader(new CustomerIdPolicy(new IngestOptions()), new EventReadOptions { Dialect = EventDialect.Segment, Now = DateTimeOffset.UtcNow });
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var content = (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
            text.Append(content);
            var read = await reader.ReadAllAsync(new StringReader(content));
            events.AddRange(read.Events);
            errors.AddRange(read.Errors);
            messages.AddRange(content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()));
        }

        return new TrackedEvents(names, events, errors, messages, text.ToString());
    }

    /// <summary>Whether every blob is named <c>tracking/yyyy/MM/dd/HH/{32 hex}.jsonl</c>.</summary>
    public bool NamesAreHourFoldersWithRandomIds => BlobNames.All(name => BlobName().IsMatch(name));

    [GeneratedRegex(@"^tracking/\d{4}/\d{2}/\d{2}/\d{2}/[0-9a-f]{32}\.jsonl$")]
    private static partial Regex BlobName();
}
