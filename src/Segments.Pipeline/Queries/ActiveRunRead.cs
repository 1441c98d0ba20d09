using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>The active run (null before the first run) and whether it is the last copy read, served because storage did not answer.</summary>
public sealed record ActiveRunRead(ActiveRun? Run, bool Stale);
