namespace Segments.Core.Experiments;

/// <summary>An A/B experiment on one segment: a stable share of its customers is held out as the control group.</summary>
/// <param name="Name">Experiment name; part of the hash, so renaming an experiment reshuffles its groups.</param>
/// <param name="Segment">The segment, as <c>GET /api/segments</c> names it (<c>rfm:At Risk</c>, or a bare name when unambiguous).</param>
/// <param name="ControlShare">Share of the segment held out, 0 to 0.5.</param>
public sealed record ExperimentDefinition(string Name, string Segment, double ControlShare);
