namespace Segments.Core.Clustering;

/// <summary>The cluster one customer belongs to.</summary>
public sealed record CustomerCluster(string CustomerId, int Cluster);
