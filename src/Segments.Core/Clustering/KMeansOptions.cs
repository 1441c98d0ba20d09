namespace Segments.Core.Clustering;

/// <summary>Settings of one k-means fit.</summary>
/// <param name="Seed">Seed of the k-means++ draws; the same seed and data give the same clusters.</param>
/// <param name="Restarts">Independent seedings; the fit with the lowest inertia is kept (k-means only finds a local optimum).</param>
/// <param name="MaxIterations">Bound on Lloyd iterations; convergence usually takes a few dozen.</param>
public sealed record KMeansOptions(ulong Seed = 20_111_210, int Restarts = 4, int MaxIterations = 300);
