using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Segments.Pipeline.Api;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Tracking;

/// <summary>
/// The Segment-compatible tracking API (<c>POST /api/v1/batch</c>, <c>track</c>, <c>identify</c>, <c>page</c>,
/// <c>screen</c>, <c>alias</c>, <c>group</c>): checks the write key (HTTP Basic user name, else <c>writeKey</c> in
/// the body), completes and checks the messages, writes them as one JSON Lines blob to <c>events</c> and answers
/// <c>200 {"success":true}</c> only after storage has acknowledged that blob, so nothing answered 200 is lost if the
/// instance stops next. The write key is never logged; the key's name is.
/// </summary>
public sealed partial class TrackingApi(
    WriteKeyRing keys,
    TrackedEventsStore store,
    IOptions<IngestOptions> ingest,
    TimeProvider time,
    ILogger<TrackingApi> logger)
{
    private readonly CustomerIdPolicy _customers = new(ingest.Value);

    /// <summary>Answers one tracking call.</summary>
    public async Task<ApiResponse> AcceptAsync(TrackingCall call, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var callName = TrackingRequestParser.Name(call);

        // A key in the header is checked before the body is read: a wrong sender costs no parsing.
        var headerKey = BasicCredentials.UserName(request.Headers.Authorization.ToString());
        var keyName = keys.NameOf(headerKey);
        if (headerKey is not null && keyName is null)
        {
            return Refuse(callName, "the write key of the Authorization header is not one of Segments:WriteKeys");
        }

        var receivedAt = time.GetUtcNow();
        var body = await ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        var parse = TrackingRequestParser.Parse(body, call, receivedAt, () => Guid.NewGuid().ToString());
        if (keyName is null)
        {
            keyName = keys.NameOf(parse.BodyWriteKey);
            if (keyName is null)
            {
                return Refuse(callName, parse.BodyWriteKey is null ? "no write key was sent" : "the writeKey of the body is not one of Segments:WriteKeys");
            }
        }

        if (parse.Refusal is { } refusal)
        {
            LogRefusedBody(callName, refusal.StatusCode, keyName);
            return refusal;
        }

        if (await TrackedMessageCheck.RefusalAsync(parse.Lines, call, _customers, receivedAt, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            LogRefusedBody(callName, invalid.StatusCode, keyName);
            return invalid;
        }

        if (parse.Lines.Count > 0)
        {
            var blobName = await store.WriteAsync(parse.Lines, receivedAt, cancellationToken).ConfigureAwait(false);
            LogAccepted(parse.Lines.Count, callName, keyName, blobName);
        }

        return ApiResponse.Ok(TrackingAccepted.Answer);
    }

    // The body is capped at the batch limit by ApiRequestGuard (BoundedReadStream) as it is read.
    private static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private ApiResponse Refuse(string callName, string reason)
    {
        LogRefusedKey(callName, reason);
        return ApiResponse.Error(
            401,
            "Unauthorized",
            "The tracking API needs a write key: HTTP Basic authentication with the write key as user name (Authorization: Basic base64(\"KEY:\")), or \"writeKey\" in the body; "
            + (reason.StartsWith("no ", StringComparison.Ordinal) ? "none was sent." : "the key sent is not valid."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused tracking call {Call}: {Reason}")]
    private partial void LogRefusedKey(string call, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused tracking call {Call} with write key {KeyName}: {Status}")]
    private partial void LogRefusedBody(string call, int status, string keyName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Count} messages of tracking call {Call} (write key {KeyName}) as events/{BlobName}")]
    private partial void LogAccepted(int count, string call, string keyName, string blobName);
}
