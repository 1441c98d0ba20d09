using System.Net.Sockets;
using Azure;

namespace Segments.Storage.Account;

/// <summary>
/// Recognises the ways "storage did not answer" surfaces from the Azure SDK, so that callers can tell an
/// outage (worth a 503 and a retry) from a bug: the transport's <see cref="RequestFailedException"/> with
/// status 0 wrapping an <see cref="HttpRequestException"/> / <see cref="SocketException"/>; the retry policy's
/// <see cref="AggregateException"/> of such attempts; a <see cref="TaskCanceledException"/> from the clients'
/// network timeout (the caller's own token not cancelled); a response stream cut mid-read
/// (<see cref="IOException"/>); and our <see cref="StorageUnavailableException"/>.
/// </summary>
public static class StorageFaults
{
    /// <summary>
    /// Whether <paramref name="exception"/> says the storage account could not be reached or did not answer in
    /// time. <paramref name="callerCancelled"/> is the caller's own token state: a cancellation the caller
    /// asked for is not an outage.
    /// </summary>
    public static bool IsUnreachable(Exception exception, bool callerCancelled)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            StorageUnavailableException or HttpRequestException or SocketException or TimeoutException => true,
            RequestFailedException { Status: 0 } => true,
            RequestFailedException => false,
            OperationCanceledException => !callerCancelled,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsUnreachable(inner, callerCancelled)),
            IOException when exception.InnerException is SocketException => true,
            _ => exception.InnerException is { } inner && IsUnreachable(inner, callerCancelled),
        };
    }

    /// <summary>
    /// Whether a later attempt may succeed where <paramref name="exception"/> failed: the account could not be reached
    /// (<see cref="IsUnreachable"/>), or it answered "busy or failed, try again" (408, 429, 5xx; alone or as every attempt
    /// of the retry policy's <see cref="AggregateException"/>). A 4xx answer says the request itself is wrong and is not.
    /// </summary>
    public static bool IsTransient(Exception exception, bool callerCancelled)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsUnreachable(exception, callerCancelled) || exception switch
        {
            RequestFailedException { Status: 408 or 429 or >= 500 } => true,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsTransient(inner, callerCancelled)),
            _ => false,
        };
    }
}
