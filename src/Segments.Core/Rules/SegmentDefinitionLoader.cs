using System.Text.Json;
using Segments.Core.Definitions;

namespace Segments.Core.Rules;

/// <summary>
/// Reads segment definitions from the JSON of <c>config/segments.json</c>:
/// <c>{"segments":[{"name":"…","description":"…","query":"…"}]}</c>. Every definition is checked and
/// every problem reported, not just the first.
/// </summary>
public static class SegmentDefinitionLoader
{
    /// <summary>Parses <paramref name="json"/> and validates every definition in it.</summary>
    public static SegmentDefinitionSet Load(string json, AttributeCatalog? catalog = null)
    {
        if (DefinitionJson.TryParse(json, out var where) is not { } document)
        {
            return Rejected($"the document is not valid JSON{where}");
        }

        using (document)
        {
            if (!DefinitionJson.TryGetEntries(document, "segments", out var segments))
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
            var nameProblem = DefinitionName.ProblemWith(definition.Name);
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

        var name = DefinitionJson.Text(element, "name");
        var label = name is null ? $"segment {index}" : $"segment {index} '{name}'";
        if (name is null)
        {
            return (null, new SegmentDefinitionError(index, string.Empty, $"{label}: \"name\" must be a string"));
        }

        var query = DefinitionJson.Text(element, "query");
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

    private static SegmentDefinitionSet Rejected(string message) =>
        new([], [new SegmentDefinitionError(0, string.Empty, message)]);
}
