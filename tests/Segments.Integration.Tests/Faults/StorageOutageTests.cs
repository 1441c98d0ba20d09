using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// Storage goes down under a running host (its Azurite process is stopped) and comes back on the same ports,
/// the host never restarted: lookups the host holds in memory are answered throughout, the rest answer 503 in
/// the error shape with Retry-After, promptly, and everything answers again once storage does.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StorageOutageTests(RestartableAzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<RestartableAzuriteFixture>
{
    private const string AdminKey = "outage-admin-key";
    private const string FunctionKey = "outage-function-key";

    // Customers of the sample export: one looked up before the outage (cached), one first asked for during it.
    private const string Cached = "12662";
    private const string Uncached = "17735";

    [Fact]
    public async Task Lookups_are_served_from_memory_while_storage_is_down_the_rest_answer_503_with_retry_after_and_all_recover_after_restart()
    {
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__AdminKey"] = AdminKey,
                ["Segments__FunctionKey"] = FunctionKey,
                ["Segments__PollIntervalSeconds"] = "1",
                ["Segments__ActiveRunCacheSeconds"] = "1",
                ["Segments__StorageTimeoutSeconds"] = "3",
                ["Segments__HostId"] = "segments-outage-test",
                ["Segments__WriteKeys__site"] = "outage-write-key",
            },
            "api/health",
            null);
        using var driver = new HostProcessDriver(host, azurite.ConnectionString, FunctionKey, AdminKey);
        await driver.IngestFileAsync("sample.csv", RepositoryPaths.Sample);
        var run = await driver.RunAsync("2011-12-10");
        var runId = run.GetProperty("runId").GetString();
        using var before = await driver.Http.GetAsync($"api/customers/{Cached}");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.False(before.Headers.Contains("X-Segments-Stale"));
        var cachedBody = await before.Content.ReadAsStringAsync();

        // Act: storage goes away; wait past the active-run cache so the pointer must be refreshed.
        await azurite.StopAsync();
        var down = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Assert: the cached customer is answered, from memory, marked stale; the batch lookup of it too.
        using var cached = await driver.Http.GetAsync($"api/customers/{Cached}");
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal("true", Assert.Single(cached.Headers.GetValues("X-Segments-Stale")));
        Assert.Equal(cachedBody, await cached.Content.ReadAsStringAsync());
        using var batch = await driver.Http.PostAsJsonAsync("api/customers/lookup", new { ids = new[] { Cached } });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal(runId, (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString());

        // What needs storage answers 503 StorageUnavailable with Retry-After, within the storage timeout (3 s) and a retry delay.
        foreach (var path in new[] { $"api/customers/{Uncached}", "api/segments", "api/runs" })
        {
            var asked = Stopwatch.StartNew();
            using var refused = await driver.Http.GetAsync(path);
            asked.Stop();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.Equal("StorageUnavailable", error.GetProperty("code").GetString());
            Assert.True(asked.Elapsed < TimeSpan.FromSeconds(6), $"{path} took {asked.Elapsed.TotalSeconds:F1} s to answer 503");
            output.WriteLine($"while down: GET /{path} → 503 in {asked.Elapsed.TotalMilliseconds:F0} ms");
        }

        // The tracking API cannot store what it would accept: 503 too, which Segment's SDKs retry (they drop a 4xx).
        using (var track = new HttpRequestMessage(HttpMethod.Post, "api/v1/track") { Content = new StringContent("""{"event":"Product Viewed","userId":"12662"}""", System.Text.Encoding.UTF8, "application/json") })
        {
            track.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("outage-write-key:"u8.ToArray()));
            using var refused = await driver.Http.SendAsync(track);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("StorageUnavailable", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        }

        // Storage comes back on the same ports; the host is not restarted.
        await azurite.StartAsync();
        var restarted = down.Elapsed;
        var recovery = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            using var again = await driver.Http.GetAsync($"api/customers/{Uncached}");
            status = again.StatusCode;
        }
        while (status != HttpStatusCode.OK && recovery.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, status);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"storage down for {restarted.TotalSeconds:F1} s; uncached lookups answered again {recovery.Elapsed.TotalSeconds:F1} s after Azurite listened again; cached lookups unavailable 0 s"));
        using var fresh = await driver.Http.GetAsync($"api/customers/{Cached}");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.False(fresh.Headers.Contains("X-Segments-Stale"));
        using var segments = await driver.Http.GetAsync("api/segments");
        Assert.Equal(HttpStatusCode.OK, segments.StatusCode);
    }
}
