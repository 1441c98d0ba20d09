namespace Segments.Storage.Account;

/// <summary>
/// The storage account cannot be used at all: no request got an answer, no token could be had for it, or it
/// refused the identity.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
