using System.Text;
using System.Text.Json;
using Segments.Core.Destinations;
using Segments.Pipeline.Api;
using Segments.Storage.Deliveries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// Writes an <c>audience-files</c> destination's list files for a run into <c>audiences/{destination}/{runId}/</c>: per
/// followed segment a full member file and an add/remove delta against the previous succeeded run (everyone added on the
/// first run), then <c>manifest.json</c> last, so a tool that sees the manifest finds every file. Members are filtered as
/// deliveries are (consent, control group); ids are customer ids, with the e-mail hash where the id is one.
/// </summary>
public sealed class AudienceFileWriter(AudienceFileStore files)
{
    private const string EmailPrefix = "email:";
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the files of every customer's rows and returns the manifest.</summary>
    public Task<AudienceManifest> WriteAsync(
        DestinationDefinition destination,
        RunRecord run,
        IReadOnlyList<CustomerSegmentRow> rows,
        RunRecord? previous,
        IReadOnlyDictionary<string, CustomerSegmentRow> previousRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previousRows);
        var members = new AudienceMembers(destination, run, previous);
        members.Add(rows, previousRows.Values);
        return WriteAsync(destination, run, previous, members, cancellationToken);
    }

    /// <summary>Writes the files of <paramref name="members"/> (collected from every row) and returns the manifest.</summary>
    public async Task<AudienceManifest> WriteAsync(
        DestinationDefinition destination,
        RunRecord run,
        RunRecord? previous,
        AudienceMembers members,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(members);
        var folder = AudienceFileStore.FolderOf(destination.Name, run.RunId);
        var entries = new List<AudienceManifestEntry>();
        foreach (var segment in members.Segments)
        {
            var (now, before) = (segment.Now, segment.Before);
            var added = now.Where(id => !before.Contains(id)).Order(StringComparer.Ordinal).ToList();
            var removed = before.Where(id => !now.Contains(id)).Order(StringComparer.Ordinal).ToList();
            var name = FileNameOf(segment.Segment.Id);
            var membersFile = $"{folder}{name}.members.csv";
            var deltaFile = $"{folder}{name}.delta.csv";
            await files.WriteAsync(membersFile, Csv(["customer_id", "email_hash"], now.Order(StringComparer.Ordinal).Select(id => new[] { id, EmailHashOf(id) })), cancellationToken).ConfigureAwait(false);
            await files.WriteAsync(
                deltaFile,
                Csv(["op", "customer_id", "email_hash"], added.Select(id => new[] { "add", id, EmailHashOf(id) }).Concat(removed.Select(id => new[] { "remove", id, EmailHashOf(id) }))),
                cancellationToken).ConfigureAwait(false);
            entries.Add(new AudienceManifestEntry(segment.Segment.Id, membersFile, deltaFile, now.Count, added.Count, removed.Count));
        }

        var manifest = new AudienceManifest(destination.Name, run.RunId, previous?.RunId, entries);
        await files.WriteAsync(folder + "manifest.json", JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    // Ids hashed from an e-mail at ingest (email:<hex>) carry the hash tools match on; other ids have none.
    private static string EmailHashOf(string customerId) =>
        customerId.StartsWith(EmailPrefix, StringComparison.Ordinal) ? customerId[EmailPrefix.Length..] : string.Empty;

    private static string FileNameOf(string segmentId) =>
        new(segmentId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    private static string Csv(string[] header, IEnumerable<string[]> lines)
    {
        var text = new StringBuilder(CsvCell.Line(header));
        foreach (var line in lines)
        {
            text.Append(CsvCell.Line(line));
        }

        return text.ToString();
    }
}
