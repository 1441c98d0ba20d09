using System.Net.Sockets;
using Azure;
using Segments.Storage.Account;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The reason a failed run's ledger row gives: "storage unavailable: ..." when storage could not be reached
/// (no answer, or a server error), so an outage reads differently from a fault in the data or the code.
/// </summary>
public static class RunFailure
{
    /// <summary>Prefix of the reason of a run that failed because storage was unreachable.</summary>
    public const string StorageUnavailable = "storage unavailable: ";

    // A ledger row holds the reason; the SDK's retry messages repeat every attempt over many lines.
    private const int MaxReasonChars = 500;

    /// <summary>The reason to record for <paramref name="error"/>.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is RunRefusedException)
        {
            return Cut(error.Message);
        }

        return IsStorageUnavailable(error)
            ? Cut(StorageUnavailable + FirstLine(error.Message))
            : Cut($"{error.GetType().Name}: {error.Message}");
    }

    /// <summary>True when <paramref name="error"/>, or one it wraps, says storage did not answer or failed on its side.</summary>
    public static bool IsStorageUnavailable(Exception error) => error switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        RequestFailedException => false,
        StorageUnavailableException or HttpRequestException or SocketException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStorageUnavailable),
        _ => error.InnerException is { } inner && IsStorageUnavailable(inner),
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static string Cut(string text) => text.Length <= MaxReasonChars ? text : text[..(MaxReasonChars - 1)] + "…";
}
