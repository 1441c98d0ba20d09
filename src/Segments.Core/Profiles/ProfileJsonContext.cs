using System.Text.Json.Serialization;

namespace Segments.Core.Profiles;

/// <summary>
/// The JSON inside the normalised profile format: the tags column, an array of strings written with the default
/// options. Generated at compile time, so that the CLI can be compiled ahead of time (Native AOT) without
/// reflection-based System.Text.Json (bench/README.md, "Cold start (issue 17)").
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
