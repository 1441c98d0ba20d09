using System.Text.Json;
using Segments.Core.Definitions;
using Segments.Core.Profiles;

namespace Segments.Core.Destinations;

/// <summary>
/// Reads <c>config/destinations.json</c>: <c>{"destinations":[{"name","kind","url","secret","segments","events","consent",
/// "holdBackControlGroup","fields","batchSize"}]}</c>. Every destination is checked and every problem reported with its
/// JSON path and, for a misspelt word, the word meant; the destinations without problems still apply.
/// </summary>
public static class DestinationLoader
{
    /// <summary>The kinds as the file names them.</summary>
    public static IReadOnlyDictionary<string, DestinationKind> Kinds { get; } = new Dictionary<string, DestinationKind>(StringComparer.Ordinal)
    {
        ["webhook"] = DestinationKind.Webhook,
        ["eventgrid"] = DestinationKind.EventGrid,
        ["audience-files"] = DestinationKind.AudienceFiles,
    };

    /// <summary>The field sets as the file names them.</summary>
    public static IReadOnlyDictionary<string, DestinationFields> FieldSets { get; } = new Dictionary<string, DestinationFields>(StringComparer.Ordinal)
    {
        ["ids"] = DestinationFields.Ids,
        ["segments"] = DestinationFields.Segments,
    };

    private static readonly string[] Properties = ["name", "kind", "url", "secret", "segments", "events", "consent", "holdBackControlGroup", "fields", "batchSize"];
    private static readonly string[] Moves = ["entered", "exited"];

    /// <summary>The name of a kind as the file writes it.</summary>
    public static string NameOf(DestinationKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>The name of a field set as the file writes it.</summary>
    public static string NameOf(DestinationFields fields) => FieldSets.First(k => k.Value == fields).Key;

    /// <summary>Parses <paramref name="json"/> and checks every destination in it.</summary>
    public static DestinationSet Load(string json)
    {
        if (DefinitionJson.TryParse(json, out var where) is not { } document)
        {
            return Rejected(where.Length == 0 ? "$" : where.Trim(), "the document is not valid JSON");
        }

        using (document)
        {
            if (!DefinitionJson.TryGetEntries(document, "destinations", out var entries))
            {
                return Rejected("$", "the document must be an object with a \"destinations\" array");
            }

            var destinations = new List<DestinationDefinition>();
            var errors = new List<DestinationError>();
            var firstIndexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var element in entries.EnumerateArray())
            {
                index++;
                var problems = new List<DestinationError>();
                var destination = Read(element, index, problems);
                if (destination is not null && !firstIndexByName.TryAdd(destination.Name, index))
                {
                    problems.Add(new DestinationError(index, destination.Name, $"$.destinations[{index - 1}].name", $"destination {index} '{destination.Name}': the name is already used by destination {firstIndexByName[destination.Name]}"));
                }

                if (problems.Count == 0 && destination is not null)
                {
                    destinations.Add(destination);
                }

                errors.AddRange(problems);
            }

            return new DestinationSet(destinations, errors);
        }
    }

    private static DestinationDefinition? Read(JsonElement element, int index, List<DestinationError> problems)
    {
        var at = $"$.destinations[{index - 1}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new DestinationError(index, string.Empty, at, $"destination {index} must be an object with \"name\", \"kind\" and \"segments\""));
            return null;
        }

        var name = DefinitionJson.Text(element, "name") ?? string.Empty;
        var label = name.Length == 0 ? $"destination {index}" : $"destination {index} '{name}'";
        void Problem(string property, string message) => problems.Add(new DestinationError(index, name, $"{at}.{property}", $"{label}: {message}"));

        foreach (var property in element.EnumerateObject().Where(p => !Properties.Contains(p.Name, StringComparer.Ordinal)))
        {
            Problem(property.Name, $"unknown property \"{property.Name}\"{Suggestion.For(property.Name, Properties)}");
        }

        if (DefinitionName.ProblemWith(name) is { } nameProblem)
        {
            Problem("name", element.TryGetProperty("name", out _) ? nameProblem : "\"name\" must be a string");
        }

        var kindText = DefinitionJson.Text(element, "kind");
        DestinationKind kind = default;
        if (kindText is null || !Kinds.TryGetValue(kindText, out kind))
        {
            Problem("kind", kindText is null
                ? $"\"kind\" must be one of {string.Join(", ", Kinds.Keys)}"
                : $"unknown kind '{kindText}'{Suggestion.For(kindText, Kinds.Keys)} (one of {string.Join(", ", Kinds.Keys)})");
        }

        var kindKnown = kindText is not null && Kinds.ContainsKey(kindText);
        var url = ReadUrl(element, kind, kindKnown, Problem);
        var secret = kindKnown ? ReadSecret(element, kind, Problem) : null;
        var segments = ReadSegments(element, Problem);
        var (entered, exited) = ReadMoves(element, Problem);
        var consent = ReadConsent(element, Problem);
        var holdBack = ReadBoolean(element, "holdBackControlGroup", true, Problem);
        var fields = ReadFields(element, Problem);
        var batchSize = ReadBatchSize(element, Problem);
        return problems.Count > 0
            ? null
            : new DestinationDefinition(name, kind, segments)
            {
                Url = url,
                Secret = secret,
                Entered = entered,
                Exited = exited,
                Consent = consent,
                HoldBackControlGroup = holdBack,
                Fields = fields,
                BatchSize = batchSize,
            };
    }

    private static Uri? ReadUrl(JsonElement element, DestinationKind kind, bool kindKnown, Action<string, string> problem)
    {
        var text = DefinitionJson.Text(element, "url");
        if (!kindKnown || kind == DestinationKind.AudienceFiles)
        {
            if (text is not null && kindKnown)
            {
                problem("url", "audience files are written to container 'audiences': remove \"url\"");
            }

            return null;
        }

        if (text is null)
        {
            problem("url", kind == DestinationKind.EventGrid ? "\"url\" must be the Event Grid topic endpoint (https://….eventgrid.azure.net/api/events)" : "\"url\" must be the webhook's https URL");
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problem("url", $"'{text}' is not an absolute http(s) URL");
            return null;
        }

        // Plain HTTP would expose the payload and the signature; it is accepted on loopback only (local receivers, tests).
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            problem("url", $"'{text}' must use https (plain http is accepted for loopback addresses only)");
            return null;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            problem("url", "the URL must not carry credentials: webhooks are authenticated by their signature");
            return null;
        }

        return url;
    }

    private static string? ReadSecret(JsonElement element, DestinationKind kind, Action<string, string> problem)
    {
        var present = element.TryGetProperty("secret", out var value) && value.ValueKind != JsonValueKind.Null;
        if (kind != DestinationKind.Webhook)
        {
            if (present)
            {
                problem("secret", "only webhooks are signed: remove \"secret\" (Event Grid uses the app's managed identity)");
            }

            return null;
        }

        // Never echo the secret itself: errors reach the API and the logs.
        if (!present || value.ValueKind != JsonValueKind.String)
        {
            problem("secret", "\"secret\" must be a Standard Webhooks signing secret: whsec_ followed by Base64 of 24 to 64 random bytes");
            return null;
        }

        var secret = value.GetString()!;
        const string prefix = "whsec_";
        var body = secret.StartsWith(prefix, StringComparison.Ordinal) ? secret[prefix.Length..] : null;
        var bytes = new byte[DestinationLimits.MaxSecretBytes + 3];
        if (body is null || !Convert.TryFromBase64String(body, bytes, out var length) || length is < DestinationLimits.MinSecretBytes or > DestinationLimits.MaxSecretBytes)
        {
            problem("secret", $"the secret is not whsec_ followed by Base64 of {DestinationLimits.MinSecretBytes} to {DestinationLimits.MaxSecretBytes} bytes (the value is not shown)");
            return null;
        }

        return secret;
    }

    private static IReadOnlyList<string> ReadSegments(JsonElement element, Action<string, string> problem)
    {
        if (!element.TryGetProperty("segments", out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problem("segments", "\"segments\" must be a non-empty array of segment ids (rfm:Champions) or families (lifecycle:*)");
            return [];
        }

        var segments = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            var shape = text is null ? "a segment id must be a string" : SegmentPattern.ProblemWith(text);
            if (shape is not null)
            {
                problem($"segments[{i}]", shape);
            }
            else
            {
                segments.Add(text!);
            }

            i++;
        }

        return segments;
    }

    private static (bool Entered, bool Exited) ReadMoves(JsonElement element, Action<string, string> problem)
    {
        if (!element.TryGetProperty("events", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (true, true);
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problem("events", "\"events\" must be a non-empty array of entered, exited");
            return (false, false);
        }

        var entered = false;
        var exited = false;
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
            switch (text)
            {
                case "entered":
                    entered = true;
                    break;
                case "exited":
                    exited = true;
                    break;
                default:
                    problem($"events[{i}]", $"unknown event '{text}'{Suggestion.For(text, Moves)} (entered or exited)");
                    break;
            }

            i++;
        }

        return (entered, exited);
    }

    private static ConsentChannel? ReadConsent(JsonElement element, Action<string, string> problem)
    {
        if (!element.TryGetProperty("consent", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
        if (string.Equals(text, "none", StringComparison.Ordinal))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && ConsentChannels.TryParse(text, out var channel))
        {
            return channel;
        }

        problem("consent", $"unknown consent channel '{text}'{Suggestion.For(text, ConsentChannels.Names)} (email, sms, or none)");
        return null;
    }

    private static DestinationFields ReadFields(JsonElement element, Action<string, string> problem)
    {
        var present = element.TryGetProperty("fields", out var value) && value.ValueKind != JsonValueKind.Null;
        if (!present)
        {
            return DestinationFields.Ids;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
        if (value.ValueKind == JsonValueKind.String && FieldSets.TryGetValue(text, out var fields))
        {
            return fields;
        }

        problem("fields", $"unknown fields '{text}'{Suggestion.For(text, FieldSets.Keys)} (ids or segments)");
        return DestinationFields.Ids;
    }

    private static bool ReadBoolean(JsonElement element, string property, bool fallback, Action<string, string> problem)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problem(property, $"\"{property}\" must be true or false; got {value.GetRawText()}");
        return fallback;
    }

    private static int ReadBatchSize(JsonElement element, Action<string, string> problem)
    {
        if (!element.TryGetProperty("batchSize", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DestinationLimits.DefaultBatchSize;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var size) && size is >= 1 and <= DestinationLimits.MaxBatchSize)
        {
            return size;
        }

        problem("batchSize", $"\"batchSize\" must be a whole number from 1 to {DestinationLimits.MaxBatchSize}; got {value.GetRawText()}");
        return DestinationLimits.DefaultBatchSize;
    }

    private static DestinationSet Rejected(string path, string message) =>
        new([], [new DestinationError(0, string.Empty, path, message)]);
}
