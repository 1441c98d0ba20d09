using System.Text.Json;
using System.Text.Json.Serialization;
using Segments.Storage.Recommendations;

namespace Segments.Storage;

/// <summary>
/// The blobs the stores write with the web defaults (camelCase names, numbers also read from strings): each run's
/// recommendations. Generated at compile time, as <see cref="StorageJsonContext"/> is, and for the same reason.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecommendationSet))]
internal sealed partial class StorageWebJsonContext : JsonSerializerContext;
