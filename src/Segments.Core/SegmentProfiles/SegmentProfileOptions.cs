namespace Segments.Core.SegmentProfiles;

/// <summary>
/// How long the lists of a segment profile are, and how much support a cross-sell candidate needs. Setters rather
/// than <c>init</c>: the stores' source-generated reader (Segments.Storage <c>StorageJsonContext</c>) sets every
/// <c>init</c> property, so a stored profile blob without one would lose its default (dotnet/runtime#84484).
/// </summary>
public sealed record SegmentProfileOptions
{
    /// <summary>Products listed, most bought first; default 10.</summary>
    public int TopProducts { get; set; } = 10;

    /// <summary>Countries listed; default 5.</summary>
    public int TopCountries { get; set; } = 5;

    /// <summary>Cross-sell candidates listed, highest lift first; default 10.</summary>
    public int CrossSellCandidates { get; set; } = 10;

    /// <summary>
    /// A candidate must have been bought by at least this many of the segment's customers; default 5.
    /// Without a floor, a product bought by one customer of a small segment and nobody else has the
    /// largest possible lift and tells nothing.
    /// </summary>
    public int CrossSellMinimumCustomers { get; set; } = 5;

    /// <summary>
    /// … and by at least this share of the segment's customers; default 0.05. In a large segment five
    /// buyers are noise too; 5% keeps the list to products that part of the segment demonstrably wants.
    /// </summary>
    public double CrossSellMinimumShare { get; set; } = 0.05;
}
