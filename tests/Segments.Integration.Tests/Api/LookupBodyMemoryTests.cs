using System.Globalization;
using System.Net;
using Segments.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// Oversized lookup bodies cannot inflate the host: sixteen 28 MB bodies sent at once are refused (413) after at
/// most the route's limit is read, and the host process's resident memory stays where it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LookupBodyMemoryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string FunctionKey = "memory-function-key";
    private const int Bodies = 16;
    private const int BodyBytes = 28 * 1024 * 1024;

    [Fact]
    public async Task Sixteen_parallel_28_MB_lookup_bodies_are_413_and_leave_the_host_memory_where_it_was()
    {
        await azurite.ResetAsync();
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__AdminKey"] = "memory-admin-key",
                ["Segments__FunctionKey"] = FunctionKey,
                ["Segments__HostId"] = "segments-memory-test",
            },
            "api/health",
            null);
        using var http = host.CreateClient(FunctionKey);
        var body = BigLookupBody();
        using (var warm = await http.PostAsync("api/customers/lookup", new StringContent("{\"ids\":[\"1\"]}")))
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, warm.StatusCode);
        }

        var before = ResidentMegabytes(host.ProcessId);

        var answers = await Task.WhenAll(Enumerable.Range(0, Bodies).Select(async _ =>
        {
            // Without Content-Length, as a streaming client sends it: the limit is met while reading.
            using var content = new StreamContent(new MemoryStream(body, writable: false));
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/customers/lookup") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            try
            {
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // The host may close the connection once it has answered 413 without reading the rest.
                return HttpStatusCode.RequestEntityTooLarge;
            }
        }));
        var after = ResidentMegabytes(host.ProcessId);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host RSS {before:F0} MB before, {after:F0} MB after {Bodies} parallel {BodyBytes / 1024 / 1024} MB lookup bodies"));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status));
        Assert.True(after - before < 150, $"RSS grew from {before:F0} MB to {after:F0} MB");
    }

    private static byte[] BigLookupBody()
    {
        var ids = new System.Text.StringBuilder("{\"ids\":[", BodyBytes + 64);
        while (ids.Length < BodyBytes)
        {
            ids.Append("\"0123456789012345678901234567890123456789\",");
        }

        ids.Append("\"last\"]}");
        return System.Text.Encoding.UTF8.GetBytes(ids.ToString());
    }

    private static double ResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
