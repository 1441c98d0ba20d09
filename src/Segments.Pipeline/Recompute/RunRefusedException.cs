namespace Segments.Pipeline.Recompute;

/// <summary>
/// A run that must not go live, for a reason its ledger row states as is (an as-of outside the data, or no
/// customers where the active generation has some); the previous generation stays active.
/// </summary>
public sealed class RunRefusedException(string reason) : Exception(reason);
