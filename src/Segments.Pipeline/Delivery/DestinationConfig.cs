using Segments.Core.Destinations;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// <c>config/destinations.json</c>, read at every run and by the sender (uploaded like <c>segments.json</c>, or set
/// with <c>POST /api/destinations</c>). Invalid destinations are reported, never fatal.
/// </summary>
public sealed class DestinationConfig(ConfigStore config)
{
    /// <summary>Blob name in the <c>config</c> container.</summary>
    public const string BlobName = "destinations.json";

    /// <summary>The destinations that apply and the problems of the others (none when the file is absent).</summary>
    public async Task<DestinationSet> LoadAsync(CancellationToken cancellationToken)
    {
        var json = await config.ReadTextAsync(BlobName, cancellationToken).ConfigureAwait(false);
        return json is null ? DestinationSet.Empty : DestinationLoader.Load(json);
    }

    /// <summary>Replaces the file.</summary>
    public Task SaveAsync(string json, CancellationToken cancellationToken) => config.WriteTextAsync(BlobName, json, cancellationToken);
}
