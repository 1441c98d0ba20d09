using Microsoft.Extensions.Configuration;
using Segments.Pipeline.Configuration;

namespace Segments.Functions.Configuration;

/// <summary>The settings the worker checks before it starts: the local host's checks, and the schedule's presence.</summary>
internal static class FunctionsStartup
{
    /// <summary>Why the settings cannot work, naming the setting; null when they can.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        // The runtime resolves %Segments:Schedule% itself and cannot index the timer without it; the local host
        // falls back to SegmentsOptions' default, the Functions app has no such fallback.
        if (string.IsNullOrWhiteSpace(configuration[SegmentsOptions.Section + ":" + nameof(SegmentsOptions.Schedule)]))
        {
            return "Setting Segments:Schedule is missing (Segments__Schedule): the timer RecomputeSegments reads its six-field NCRONTAB schedule from it, e.g. '0 0 2 * * *'.";
        }

        var segments = configuration.GetSection(SegmentsOptions.Section).Get<SegmentsOptions>() ?? new SegmentsOptions();
        return StartupSettings.Problem(segments) ?? StorageConnectionSettings.Read(configuration) switch
        {
            (null, { } storage) => storage,
            (null, null) => StorageConnection.Missing,
            _ => null,
        };
    }
}
