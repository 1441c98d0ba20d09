using System.Globalization;
using System.Text.Json;

namespace Segments.Core.Experiments;

/// <summary>
/// Reads <c>config/experiments.json</c>:
/// <c>{"experiments":[{"name":"winback-2026-01","segment":"rfm:At Risk","controlShare":0.1}]}</c>.
/// Every entry is checked and every problem reported; the valid entries are used.
/// </summary>
public static class ExperimentDefinitionLoader
{
    /// <summary>The largest control share: beyond half, "control" would be the campaign's main audience.</summary>
    public const double MaxControlShare = 0.5;

    /// <summary>Longest experiment name accepted.</summary>
    public const int MaxNameLength = 100;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="json"/> and validates every experiment in it.</summary>
    public static ExperimentDefinitionSet Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : string.Empty;
            return new ExperimentDefinitionSet([], [$"experiments.json is not valid JSON{where}"]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("experiments", out var entries)
                || entries.ValueKind != JsonValueKind.Array)
            {
                return new ExperimentDefinitionSet([], ["experiments.json must be an object with an \"experiments\" array"]);
            }

            var experiments = new List<ExperimentDefinition>();
            var errors = new List<string>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                index++;
                var (experiment, error) = Read(entry, index);
                if (experiment is null)
                {
                    errors.Add(error!);
                }
                else if (!names.Add(experiment.Name))
                {
                    errors.Add($"experiment {index} '{experiment.Name}': the name is already used by another experiment");
                }
                else
                {
                    experiments.Add(experiment);
                }
            }

            return new ExperimentDefinitionSet(experiments, errors);
        }
    }

    private static (ExperimentDefinition? Experiment, string? Error) Read(JsonElement entry, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return (null, $"experiment {index} must be an object with \"name\", \"segment\" and \"controlShare\"");
        }

        var name = Text(entry, "name");
        if (name is null)
        {
            return (null, $"experiment {index}: \"name\" must be a string");
        }

        var label = $"experiment {index} '{name}'";
        if (NameProblem(name) is { } problem)
        {
            return (null, $"experiment {index}: {problem}");
        }

        var segment = Text(entry, "segment");
        if (string.IsNullOrWhiteSpace(segment))
        {
            return (null, $"{label}: \"segment\" must name a segment, e.g. \"rfm:At Risk\"");
        }

        if (!entry.TryGetProperty("controlShare", out var shareElement) || shareElement.ValueKind != JsonValueKind.Number)
        {
            return (null, $"{label}: \"controlShare\" must be a number from 0 to {MaxControlShare.ToString(CultureInfo.InvariantCulture)}");
        }

        var share = shareElement.GetDouble();
        if (!(share >= 0 && share <= MaxControlShare))
        {
            return (null, $"{label}: controlShare {shareElement.GetRawText()} is outside 0 to {MaxControlShare.ToString(CultureInfo.InvariantCulture)}");
        }

        return (new ExperimentDefinition(name, segment, share), null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NameProblem(string name) =>
        string.IsNullOrWhiteSpace(name) ? "the name is empty"
        : name.Trim().Length != name.Length ? $"the name '{name}' starts or ends with spaces"
        : name.Length > MaxNameLength ? $"the name is longer than {MaxNameLength} characters"
        : name.Any(char.IsControl) ? "the name contains control characters"
        : null;
}
