using System.Text.Json;
using System.Text.Json.Serialization;
using Segments.Core.Recommendations;
using Segments.Storage.Recommendations;

namespace Segments.Storage;

/// <summary>
/// The blobs the stores write with the web defaults (camelCase names, numbers also read from strings): each run's
/// recommendations and, for a run scored bucket by bucket, each bucket's customers' lists. Generated at compile
/// time, as <see cref="StorageJsonContext"/> is, and for the same reason.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecommendationSet))]
[JsonSerializable(typeof(Dictionary<string, CustomerRecommendations>))]
internal sealed partial class StorageWebJsonContext : JsonSerializerContext;
