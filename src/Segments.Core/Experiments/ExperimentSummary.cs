namespace Segments.Core.Experiments;

/// <summary>One experiment as a run applied it.</summary>
/// <param name="Name">Experiment name.</param>
/// <param name="Segment">Segment id it was resolved to.</param>
/// <param name="ControlShare">Configured control share.</param>
/// <param name="Control">Customers of the segment in the control group in this run.</param>
/// <param name="Treatment">… in the treatment group.</param>
public sealed record ExperimentSummary(string Name, string Segment, double ControlShare, int Control, int Treatment);
