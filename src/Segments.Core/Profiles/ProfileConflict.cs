namespace Segments.Core.Profiles;

/// <summary>Two records of one customer that disagree: which one won, by which timestamps, and where they differ.</summary>
/// <param name="CustomerId">Normalised customer id (an e-mail appears as its hash).</param>
/// <param name="KeptAt">Timestamp of the record kept (its update time, else its batch's time).</param>
/// <param name="DroppedAt">Timestamp of the record set aside.</param>
/// <param name="Fields">Fields whose values differ, as rule attributes name them.</param>
public sealed record ProfileConflict(string CustomerId, DateTimeOffset KeptAt, DateTimeOffset DroppedAt, IReadOnlyList<string> Fields)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{CustomerId}: kept the record of {KeptAt:yyyy-MM-ddTHH:mm:ssZ} over the one of {DroppedAt:yyyy-MM-ddTHH:mm:ssZ}; they differ in {string.Join(", ", Fields)}";
}
