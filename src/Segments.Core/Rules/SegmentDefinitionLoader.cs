using System.Text.Json;

namespace Segments.Core.Rules;

/// <summary>
/// Reads segment definitions from the JSON of <c>config/segments.json</c>:
/// <c>{"segments":[{"name":"…","description":"…","query":"…"}]}</c>. Every definition is checked and
/// every problem reported, not just the first.
/// </summary>
public static class SegmentDefinitionLoader
{
    /// <summary>Longest segment name accepted: names become labels in marketing tools and table values.</summary>
    public const int MaxNameLength = 100;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Configuration files are edited by hand; comments and a trailing comma are not mistakes worth failing on.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="json"/> and validates every definition in it.</summary>
    public static SegmentDefinitionSet Load(string json, AttributeCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The position is 0-based in JsonException; people count from 1.
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : string.Empty;
            return Rejected($"the document is not valid JSON{where}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("segments", out var segments)
                || segments.ValueKind != JsonValueKind.Array)
            {
                return Rejected("the document must be an object with a \"segments\" array");
            }

            var definitions = new List<(int Index, SegmentDefinition Definition)>();
            var errors = new List<SegmentDefinitionError>();
            var index = 0;
            foreach (var element in segments.EnumerateArray())
            {
                index++;
                var (definition, error) = Read(element, index);
                if (definition is not null)
                {
                    definitions.Add((index, definition));
                }
                else
                {
                    errors.Add(error!);
                }
            }

            var compiled = Compile(definitions, catalog ?? AttributeCatalog.Standard);
            return new SegmentDefinitionSet(compiled.Segments, errors.Concat(compiled.Errors).OrderBy(e => e.Index).ToList());
        }
    }

    /// <summary>Validates definitions from any source (names unique and well-formed, queries parse).</summary>
    public static SegmentDefinitionSet Compile(IReadOnlyList<SegmentDefinition> definitions, AttributeCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return Compile(definitions.Select((d, i) => (i + 1, d)).ToList(), catalog ?? AttributeCatalog.Standard);
    }

    private static SegmentDefinitionSet Compile(IReadOnlyList<(int Index, SegmentDefinition Definition)> definitions, AttributeCatalog catalog)
    {
        var segments = new List<RuleSegment>();
        var errors = new List<SegmentDefinitionError>();
        var firstIndexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (index, definition) in definitions)
        {
            var label = $"segment {index} '{definition.Name}'";
            var nameProblem = NameProblem(definition.Name);
            if (nameProblem is not null)
            {
                errors.Add(new SegmentDefinitionError(index, definition.Name, $"segment {index}: {nameProblem}"));
                continue;
            }

            if (!firstIndexByName.TryAdd(definition.Name, index))
            {
                errors.Add(new SegmentDefinitionError(index, definition.Name, $"{label}: the name is already used by segment {firstIndexByName[definition.Name]}"));
                continue;
            }

            var parsed = SegmentQuery.Parse(definition.Query, catalog);
            if (parsed.IsSuccess)
            {
                segments.Add(new RuleSegment(definition, parsed.Query));
            }
            else
            {
                errors.Add(new SegmentDefinitionError(index, definition.Name, $"{label}: {parsed.Error.Message}", parsed.Error.Position));
            }
        }

        return new SegmentDefinitionSet(segments, errors);
    }

    private static (SegmentDefinition? Definition, SegmentDefinitionError? Error) Read(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new SegmentDefinitionError(index, string.Empty, $"segment {index} must be an object with \"name\", \"description\" and \"query\""));
        }

        var name = StringProperty(element, "name");
        var label = name is null ? $"segment {index}" : $"segment {index} '{name}'";
        if (name is null)
        {
            return (null, new SegmentDefinitionError(index, string.Empty, $"{label}: \"name\" must be a string"));
        }

        var query = StringProperty(element, "query");
        if (query is null)
        {
            return (null, new SegmentDefinitionError(index, name, $"{label}: \"query\" must be a string"));
        }

        var hasDescription = element.TryGetProperty("description", out var descriptionElement)
            && descriptionElement.ValueKind != JsonValueKind.Null;
        if (hasDescription && descriptionElement.ValueKind != JsonValueKind.String)
        {
            return (null, new SegmentDefinitionError(index, name, $"{label}: \"description\" must be a string"));
        }

        var description = hasDescription ? descriptionElement.GetString()! : string.Empty;
        return (new SegmentDefinition(name, description, query), null);
    }

    private static string? StringProperty(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NameProblem(string name) =>
        string.IsNullOrWhiteSpace(name) ? "the name is empty"
        : name.Trim().Length != name.Length ? $"the name '{name}' starts or ends with spaces"
        : name.Length > MaxNameLength ? $"the name is longer than {MaxNameLength} characters"
        : name.Any(char.IsControl) ? "the name contains control characters"
        : null;

    private static SegmentDefinitionSet Rejected(string message) =>
        new([], [new SegmentDefinitionError(0, string.Empty, message)]);
}
