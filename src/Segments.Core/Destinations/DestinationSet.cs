namespace Segments.Core.Destinations;

/// <summary>The destinations that apply, and why the others do not: one bad destination never stops the rest.</summary>
public sealed record DestinationSet(IReadOnlyList<DestinationDefinition> Destinations, IReadOnlyList<DestinationError> Errors)
{
    /// <summary>No destinations (no <c>config/destinations.json</c>).</summary>
    public static DestinationSet Empty { get; } = new([], []);

    /// <summary>The destination named <paramref name="name"/> (ignoring case), or null.</summary>
    public DestinationDefinition? Find(string name) =>
        Destinations.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
