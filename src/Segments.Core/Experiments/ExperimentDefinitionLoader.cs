using System.Globalization;
using System.Text.Json;
using Segments.Core.Definitions;

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

    /// <summary>Parses <paramref name="json"/> and validates every experiment in it.</summary>
    public static ExperimentDefinitionSet Load(string json)
    {
        if (DefinitionJson.TryParse(json, out var where) is not { } document)
        {
            return new ExperimentDefinitionSet([], [$"experiments.json is not valid JSON{where}"]);
        }

        using (document)
        {
            if (!DefinitionJson.TryGetEntries(document, "experiments", out var entries))
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

        var name = DefinitionJson.Text(entry, "name");
        if (name is null)
        {
            return (null, $"experiment {index}: \"name\" must be a string");
        }

        var label = $"experiment {index} '{name}'";
        if (DefinitionName.ProblemWith(name) is { } problem)
        {
            return (null, $"experiment {index}: {problem}");
        }

        var segment = DefinitionJson.Text(entry, "segment");
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
}
