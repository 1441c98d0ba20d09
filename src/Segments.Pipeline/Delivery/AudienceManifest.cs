namespace Segments.Pipeline.Delivery;

/// <summary>
/// <c>manifest.json</c> of an audience-files destination's run folder: which files to import. The first run (no previous
/// succeeded run) adds everyone; later runs add and remove, as RudderStack's mirror syncs do.
/// </summary>
/// <param name="Destination">The destination.</param>
/// <param name="RunId">The run.</param>
/// <param name="PreviousRunId">The run the deltas are against; null on the first run.</param>
/// <param name="Segments">One entry per followed segment.</param>
public sealed record AudienceManifest(string Destination, string RunId, string? PreviousRunId, IReadOnlyList<AudienceManifestEntry> Segments);

/// <summary>One segment's files.</summary>
/// <param name="Segment">The segment id.</param>
/// <param name="MembersFile">Blob name of the full member file (<c>customer_id,email_hash</c>).</param>
/// <param name="DeltaFile">Blob name of the delta (<c>op,customer_id,email_hash</c>, op <c>add</c> or <c>remove</c>).</param>
/// <param name="Members">Rows of the member file.</param>
/// <param name="Added">Add rows of the delta.</param>
/// <param name="Removed">Remove rows of the delta.</param>
public sealed record AudienceManifestEntry(string Segment, string MembersFile, string DeltaFile, int Members, int Added, int Removed);
