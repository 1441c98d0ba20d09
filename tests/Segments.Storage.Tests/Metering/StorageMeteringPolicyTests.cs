using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Segments.Core.Cost;
using Segments.Storage.Metering;

namespace Segments.Storage.Tests.Metering;

public class StorageMeteringPolicyTests
{
    [Fact]
    public async Task Each_attempt_of_a_retried_request_is_counted_with_its_body()
    {
        // Arrange: the first Put Blob is refused with 503, the retry succeeds.
        var blob = BlobWith(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), _ => new HttpResponseMessage(HttpStatusCode.Created));
        using var meter = UsageMeter.Start("ingest", new ManualClock(), () => 0);

        // Act
        await blob.UploadAsync(BinaryData.FromString("hello"), overwrite: true);
        var usage = meter.Stop();

        // Assert
        Assert.Equal(2, usage.Requests.Blob.Write);
        Assert.Equal(10, usage.RequestBytes);
    }

    [Fact]
    public async Task Response_bodies_are_counted_from_their_length()
    {
        // Arrange
        var blob = BlobWith(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[12]) });
        using var meter = UsageMeter.Start("read", new ManualClock(), () => 0);

        // Act
        await blob.DownloadContentAsync();
        var usage = meter.Stop();

        // Assert
        Assert.Equal((1L, 12L), (usage.Requests.Blob.Read, usage.ResponseBytes));
    }

    [Fact]
    public async Task A_head_request_is_other_and_brings_no_body()
    {
        // Arrange: Get Blob Properties announces a 1,000-byte blob.
        var blob = BlobWith(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
            response.Content.Headers.ContentLength = 1000;
            return response;
        });
        using var meter = UsageMeter.Start("ingest", new ManualClock(), () => 0);

        // Act
        await blob.GetPropertiesAsync();
        var usage = meter.Stop();

        // Assert
        Assert.Equal((1L, 0L), (usage.Requests.Blob.Other, usage.ResponseBytes));
    }

    [Fact]
    public async Task Requests_outside_a_measurement_are_not_counted_anywhere()
    {
        // Arrange
        var blob = BlobWith(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var meter = UsageMeter.Start("earlier", new ManualClock(), () => 0);
        var usage = meter.Stop();

        // Act
        await blob.UploadAsync(BinaryData.FromString("x"), overwrite: true);

        // Assert
        Assert.Equal(0, usage.Requests.Total);
        Assert.Null(UsageMeter.Current);
    }

    private static BlobClient BlobWith(params Func<HttpRequestMessage, HttpResponseMessage>[] answers)
    {
        var options = new BlobClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(new ScriptedHandler(answers))),
            Retry = { Delay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 },
        };
        options.AddPolicy(new StorageMeteringPolicy(StorageService.Blob), HttpPipelinePosition.PerRetry);
        return new BlobClient(new Uri("http://127.0.0.1:10000/devstoreaccount1/normalized/batch.csv.gz"), options);
    }

    /// <summary>Answers requests in turn with the given responses; the last one answers every later request.</summary>
    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = answers[Math.Min(Interlocked.Increment(ref _next) - 1, answers.Length - 1)];
            return Task.FromResult(answer(request));
        }
    }
}
