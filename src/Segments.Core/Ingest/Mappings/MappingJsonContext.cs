using System.Text.Json;
using System.Text.Json.Serialization;
using Segments.Core.Profiles.Mappings;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// The mapping documents' JSON contract, generated at compile time. Every command of the CLI reads the built-in
/// mappings before the first byte of its input: reflection-based System.Text.Json spent more than half of the
/// process's start-up on five small documents (bench/README.md, "Cold start (issue 17)"), and it keeps the CLI
/// from being trimmed. Mapping files are hand-written: names match in any case, comments and trailing commas pass.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ExportMapping))]
[JsonSerializable(typeof(ProfileMapping))]
internal sealed partial class MappingJsonContext : JsonSerializerContext;
