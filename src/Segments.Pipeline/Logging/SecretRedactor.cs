using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Logging;

/// <summary>
/// Masks secrets in text bound for a log: the value of every configured key (admin key, function keys, tracking
/// write keys, page token key, e-mail hash key, experiment hash key, and any storage account key or SAS in a
/// connection string of the configuration), as written, URL-encoded and (write keys) as the HTTP Basic credentials
/// SDKs send, and whatever follows <c>code=</c>, <c>sig=</c>, <c>AccountKey=</c>, <c>Basic </c> or a JSON
/// <c>"writeKey":</c> (a key sent need not be a configured one to be someone's secret).
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Shorter values would mask ordinary words; keys that short are refused by no one but protect nothing either.
    private const int MinimumSecretLength = 6;

    private readonly string[] _secrets;

    /// <summary>A redactor for <paramref name="secrets"/> (null, empty and very short values are ignored).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets
            .Where(secret => secret is { Length: >= MinimumSecretLength })
            .SelectMany(secret => new[] { secret!, Uri.EscapeDataString(secret!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)];
    }

    /// <summary>How many distinct secret spellings this redactor masks (for the startup log line).</summary>
    public int Count => _secrets.Length;

    /// <summary>The secrets the configuration holds: the Segments keys, and account keys and SAS tokens of every connection string in it.</summary>
    public static SecretRedactor FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var segments = configuration.GetSection(SegmentsOptions.Section);
        var secrets = new List<string?>
        {
            segments[nameof(SegmentsOptions.AdminKey)],
            segments[nameof(SegmentsOptions.FunctionKey)],
            segments[nameof(SegmentsOptions.PageTokenKey)],
            configuration[$"{SegmentsOptions.IngestSection}:{nameof(Core.Ingest.IngestOptions.EmailHashKey)}"],
            configuration[$"{SegmentsOptions.ExperimentsSection}:{nameof(Core.Experiments.ExperimentOptions.HashKey)}"],
        };
        secrets.AddRange(segments.GetSection(nameof(SegmentsOptions.FunctionKeys)).GetChildren().Select(key => key.Value));
        foreach (var writeKey in segments.GetSection(nameof(SegmentsOptions.WriteKeys)).GetChildren().Select(key => key.Value))
        {
            // SDKs send a write key as Basic base64("KEY:"); older ones without the colon.
            secrets.Add(writeKey);
            if (!string.IsNullOrEmpty(writeKey))
            {
                secrets.Add(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(writeKey + ":")));
                secrets.Add(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(writeKey)));
            }
        }

        foreach (var (_, value) in configuration.AsEnumerable())
        {
            if (value is null)
            {
                continue;
            }

            secrets.AddRange(ConnectionStringSecret().Matches(value).Select(match => match.Groups["secret"].Value));
        }

        return new SecretRedactor(secrets);
    }

    /// <summary><paramref name="text"/> with every secret masked; the same instance when it holds none.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = text;
        foreach (var secret in _secrets)
        {
            if (redacted.Contains(secret, StringComparison.Ordinal))
            {
                redacted = redacted.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        if (redacted.Contains('=', StringComparison.Ordinal))
        {
            redacted = KeyParameter().Replace(redacted, Mask);
        }

        if (redacted.Contains("Basic ", StringComparison.OrdinalIgnoreCase) || redacted.Contains("writeKey", StringComparison.OrdinalIgnoreCase))
        {
            redacted = SentCredential().Replace(redacted, Mask);
        }

        return redacted == text ? text : redacted;
    }

    [GeneratedRegex(@"(?<=[?&;](?:code|sig)=)[^&\s""'#;]+|(?<=\bAccountKey=)[^;\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyParameter();

    // HTTP Basic credentials and a JSON writeKey, as tracking SDKs send them, whether or not the key is configured.
    [GeneratedRegex(@"(?<=\bBasic\s+)[A-Za-z0-9+/=_-]{4,}|(?<=""writeKey""\s*:\s*"")[^""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentCredential();

    [GeneratedRegex(@"(?:AccountKey|SharedAccessSignature|SharedAccessKey)=(?<secret>[^;\s""']+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringSecret();
}
