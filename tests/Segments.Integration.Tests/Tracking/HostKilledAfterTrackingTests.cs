using System.Net;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Faults;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Tracking;

/// <summary>
/// Nothing answered 200 is lost when the host dies next: the host process is killed (SIGKILL, no shutdown) the moment
/// a near-limit batch is answered, and the batch's blob is there, complete, every message readable.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostKilledAfterTrackingTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string WriteKey = "killed-host-write-key";

    [Fact]
    public async Task A_host_killed_right_after_answering_200_leaves_the_batch_complete_in_the_events_container()
    {
        await azurite.ResetAsync();
        var host = await FaultHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string> { ["Segments__WriteKeys__site"] = WriteKey });
        const int Messages = 2_400;
        var body = JsonSerializer.Serialize(new
        {
            batch = Enumerable.Range(0, Messages).Select(i => new
            {
                type = "track",
                @event = i % 3 == 0 ? "Product Added" : "Product Viewed",
                userId = $"customer-{i}",
                messageId = $"killed-{i}",
                timestamp = "2011-12-06T10:00:00Z",
                properties = new { product_id = $"p-{i}", price = 1.25m, quantity = 1 + (i % 4) },
            }),
        });
        HttpStatusCode status;
        using (var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/batch") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
            using var response = await host.Http.SendAsync(request);
            status = response.StatusCode;
            await host.KillAsync();
        }

        var stored = await TrackedEvents.ReadAsync(azurite.ConnectionString);

        output.WriteLine($"{Encoding.UTF8.GetByteCount(body):N0} bytes, {Messages:N0} messages answered {(int)status}, host killed; stored: {string.Join(", ", stored.BlobNames)} with {stored.Events.Count:N0} events");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(stored.BlobNames);
        Assert.Empty(stored.Errors);
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"killed-{i}"), stored.Events.Select(e => e.MessageId));
        Assert.Equal(Enumerable.Range(0, Messages).Sum(i => 1 + (i % 4)), stored.Events.Sum(e => e.Quantity));
    }
}
