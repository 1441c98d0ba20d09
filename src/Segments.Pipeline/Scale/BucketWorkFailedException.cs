namespace Segments.Pipeline.Scale;

/// <summary>A bucket work item failed for good: the run fails with its bucket and reason, and the previous generation stays active.</summary>
public sealed class BucketWorkFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BucketWorkFailedException()
    {
    }

    /// <summary>Creates the exception with the bucket's reason.</summary>
    public BucketWorkFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the bucket's reason and its cause.</summary>
    public BucketWorkFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
