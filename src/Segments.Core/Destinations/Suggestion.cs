using Segments.Core.Rules;

namespace Segments.Core.Destinations;

/// <summary>"Did you mean" for a word of <c>config/destinations.json</c>, as rule errors suggest attributes.</summary>
internal static class Suggestion
{
    /// <summary><c>; did you mean 'x'?</c> for the closest of <paramref name="known"/> within two edits, else empty.</summary>
    public static string For(string written, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Word: k, Distance: EditDistance.Between(written, k)))
            .Where(c => c.Distance <= Math.Max(2, written.Length / 3))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Word is null ? string.Empty : $"; did you mean '{best.Word}'?";
    }
}
