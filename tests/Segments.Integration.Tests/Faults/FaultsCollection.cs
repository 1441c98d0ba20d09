namespace Segments.Integration.Tests.Faults;

/// <summary>
/// Fault tests start their own storage and host processes and kill them: one at a time, so their timings
/// (detection within a minute, unavailability) are not skewed by each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Faults";
}
