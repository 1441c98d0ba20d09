namespace Segments.Core.Experiments;

/// <summary>The experiments of <c>config/experiments.json</c> that are valid, and why each other one is not.</summary>
public sealed record ExperimentDefinitionSet(IReadOnlyList<ExperimentDefinition> Experiments, IReadOnlyList<string> Errors);
