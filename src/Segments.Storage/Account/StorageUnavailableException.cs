namespace Segments.Storage.Account;

/// <summary>The storage account cannot be reached at all (not a single request got an answer).</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
