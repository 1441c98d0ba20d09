using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>What bringing the state up to date did: the manifest now current, the plan followed and the files written.</summary>
/// <param name="Manifest">The current manifest.</param>
/// <param name="Plan">What was decided, and why.</param>
/// <param name="BucketsWritten">Customer bucket files written.</param>
/// <param name="IndexPartitionsWritten">Order-index partition files written.</param>
public sealed record StateRefresh(StateManifest Manifest, StatePlan Plan, int BucketsWritten, int IndexPartitionsWritten);
