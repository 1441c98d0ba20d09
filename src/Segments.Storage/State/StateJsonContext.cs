using System.Text.Json;
using System.Text.Json.Serialization;

namespace Segments.Storage.State;

/// <summary>
/// The state manifest's JSON (web defaults, indented, so that the manifest reads well in a storage browser),
/// generated at compile time as <see cref="StorageJsonContext"/> is.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(StateManifest))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
