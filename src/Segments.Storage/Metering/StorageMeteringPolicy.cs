using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Segments.Core.Cost;

namespace Segments.Storage.Metering;

/// <summary>
/// Counts every request a storage client sends into the current <see cref="UsageMeter"/>, with its kind and
/// body sizes. It sits in the per-retry position, after the retry policy, so each attempt is counted: the
/// service bills a retried request as many times as it receives it. A request that never got a response
/// (the connection failed) is not counted.
/// </summary>
public sealed class StorageMeteringPolicy(StorageService service) : HttpPipelinePolicy
{
    /// <summary>The service this client talks to.</summary>
    public StorageService Service { get; } = service;

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var meter = UsageMeter.Current;
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(meter, message);
        }
    }

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var meter = UsageMeter.Current;
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            Record(meter, message);
        }
    }

    private void Record(UsageMeter? meter, HttpMessage message)
    {
        if (meter is null || !message.HasResponse)
        {
            return;
        }

        var request = message.Request;
        var kind = StorageRequestClassifier.Classify(Service, request.Method.Method, request.Uri.Path, request.Uri.Query);
        meter.Record(Service, kind, RequestBytes(request), ResponseBytes(request, message.Response));
    }

    private static long RequestBytes(Request request) =>
        request.Content is { } content && content.TryComputeLength(out var length) ? length : 0;

    private static long ResponseBytes(Request request, Response response)
    {
        // A HEAD response announces the blob's length but carries no body.
        if (request.Method == RequestMethod.Head)
        {
            return 0;
        }

        if (response.Headers.ContentLengthLong is { } length)
        {
            return length;
        }

        // No Content-Length (a chunked answer): buffered responses know their length; a streamed one is not counted.
        return response.ContentStream is { CanSeek: true } stream ? stream.Length : 0;
    }
}
