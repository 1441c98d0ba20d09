using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;

namespace Segments.Pipeline.Api;

/// <summary>
/// What both hosts do around every API request, in one place (the local host's middleware and the Functions
/// app's worker middleware call it): refuse a URL, header block or declared body over its limit; cap the body
/// as it is read (<see cref="BoundedReadStream"/>); give every storage operation of the request a time budget
/// (<see cref="StorageCallBudget"/>); and turn what a handler throws into the one error shape — storage that does
/// not answer → 503 <c>StorageUnavailable</c> with <c>Retry-After</c>, a body over its limit → 413, anything
/// else → 500 <c>InternalError</c> (logged) — never an empty 500.
/// </summary>
public sealed partial class ApiRequestGuard(IOptions<SegmentsOptions> options, ILogger<ApiRequestGuard> logger, TimeProvider time)
{
    /// <summary>Longest URL (path and query) answered; longer → 414. Kestrel's own request-line limit is 8 KiB by default: the local host raises it so that this answers first, in the error shape.</summary>
    public const int MaxUrlChars = 8 * 1024;

    /// <summary>Largest header block answered; larger → 431 (the local host raises Kestrel's own 32 KiB limit for the same reason).</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>What <c>Retry-After</c> says while storage does not answer: about one storage timeout.</summary>
    public const int RetryAfterSeconds = 5;

    // The one route whose body may be large (up to 1,000 ids): its template from the contract.
    private const string LookupRouteSuffix = "/" + Contract.CustomerRoutes.Lookup;

    // While storage is down every request would log its outage: say it once per interval instead.
    private static readonly TimeSpan OutageLogInterval = TimeSpan.FromSeconds(30);
    private long _lastOutageLog = long.MinValue;

    /// <summary>
    /// Runs <paramref name="next"/> (the rest of the host's pipeline) within the limits and the storage budget;
    /// <paramref name="write"/> writes an answer the guard gives instead, with the host's own response writer.
    /// </summary>
    public async Task InvokeAsync(HttpContext context, Func<Task> next, Func<ApiResponse, Task> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(write);
        var request = context.Request;
        if (Refusal(request) is { } refusal)
        {
            await write(refusal).ConfigureAwait(false);
            return;
        }

        var (limit, setting) = BodyLimit(request);
        if (request.ContentLength > limit)
        {
            await write(TooLarge(new RequestBodyTooLargeException(limit, setting))).ConfigureAwait(false);
            return;
        }

        request.Body = new BoundedReadStream(request.Body, limit, setting);
        using var budget = StorageCallBudget.Start(TimeSpan.FromSeconds(Math.Max(1, options.Value.StorageTimeoutSeconds)));
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && Translate(ex, request.Method, request.Path.Value ?? string.Empty, context.RequestAborted.IsCancellationRequested) is { } answer)
        {
            context.Response.Clear();
            await write(answer).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The answer for an exception a handler threw, or null when there is none to give (the client went away).
    /// </summary>
    public ApiResponse? Translate(Exception exception, string method, string path, bool clientGone)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (clientGone && exception is OperationCanceledException or IOException)
        {
            return null;
        }

        switch (exception)
        {
            case RequestBodyTooLargeException tooLarge:
                return TooLarge(tooLarge);
            case BadHttpRequestException bad:
                // Kestrel's own refusals met while reading (its body limit, a malformed chunked body).
                return ServerErrors.For(bad.StatusCode, method, path);
        }

        if (StorageFaults.IsUnreachable(exception, clientGone))
        {
            LogOutage(method, path, exception);
            var seconds = Math.Max(1, options.Value.StorageTimeoutSeconds);
            return ApiResponse.Error(
                503,
                "StorageUnavailable",
                $"Storage is not answering (each storage call may take {seconds} s); lookups this instance holds in memory are still answered. Try again in {RetryAfterSeconds} s.")
                with { Headers = new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        }

        LogUnexpected(exception, method, path);
        return ApiResponse.Error(500, "InternalError", "The request failed unexpectedly; the host's log has the details.");
    }

    private static ApiResponse TooLarge(RequestBodyTooLargeException tooLarge) =>
        ApiResponse.Error(413, "RequestTooLarge", tooLarge.Message);

    private static ApiResponse? Refusal(HttpRequest request)
    {
        var urlChars = request.PathBase.Value?.Length + request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (urlChars > MaxUrlChars)
        {
            return ServerErrors.For(414, request.Method, string.Empty);
        }

        long headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            headerBytes += name.Length + 4;
            foreach (var value in values)
            {
                headerBytes += value?.Length ?? 0;
            }
        }

        return headerBytes > MaxHeaderBytes ? ServerErrors.For(431, request.Method, request.Path.Value ?? string.Empty) : null;
    }

    private (long Limit, string Setting) BodyLimit(HttpRequest request) =>
        !HttpMethods.IsPost(request.Method) ? (options.Value.MaxRequestBodyBytes, $"{SegmentsOptions.Section}:{nameof(SegmentsOptions.MaxRequestBodyBytes)}")
        : request.Path.Value?.EndsWith(LookupRouteSuffix, StringComparison.OrdinalIgnoreCase) ?? false
            ? (options.Value.MaxLookupBodyBytes, $"{SegmentsOptions.Section}:{nameof(SegmentsOptions.MaxLookupBodyBytes)}")
        // The tracking routes take Segment's batch limit: SDKs fill batches up to it.
        : Contract.TrackingRoutes.Covers(request.Path.Value ?? string.Empty) ? (Tracking.TrackingLimits.MaxBatchBytes, Tracking.TrackingLimits.BatchLimitName)
        : (options.Value.MaxRequestBodyBytes, $"{SegmentsOptions.Section}:{nameof(SegmentsOptions.MaxRequestBodyBytes)}");

    private void LogOutage(string method, string path, Exception exception)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastOutageLog);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < OutageLogInterval)
        {
            LogOutageRepeated(method, path);
            return;
        }

        Interlocked.Exchange(ref _lastOutageLog, now);
        LogOutageStarted(method, path, FirstLine(exception), (int)OutageLogInterval.TotalSeconds);
    }

    private static string FirstLine(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.Split('\n')[0].Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage did not answer {Method} {Path}: {Reason}; answering 503 (said again at most every {Seconds} s)")]
    private partial void LogOutageStarted(string method, string path, string reason, int seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Storage did not answer {Method} {Path}: 503")]
    private partial void LogOutageRepeated(string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly: 500")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
