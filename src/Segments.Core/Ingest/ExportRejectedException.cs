namespace Segments.Core.Ingest;

/// <summary>
/// The file as a whole cannot be ingested (unreadable header, a record over the length limit, a gzip bomb,
/// corrupt compression). Raised mid-stream, where a row-level error would not describe the problem.
/// </summary>
public sealed class ExportRejectedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>The reason in plain words.</summary>
    public string Reason => Message;
}
