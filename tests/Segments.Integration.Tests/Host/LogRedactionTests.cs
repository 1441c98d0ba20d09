using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Xunit.Abstractions;

namespace Segments.Integration.Tests.Host;

/// <summary>
/// No configured secret reaches the host's log, at any level: a host process, logging everything (Trace), is taken
/// through upload, run, lookups with the key in <c>?code=</c> and in <c>x-functions-key</c>, paging and the
/// dashboard, and its whole log is scanned for every key. At the default level, lookups write no line at all.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogRedactionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string AdminKey = "redaction-admin-key-0001";
    private const string FunctionKey = "redaction-function-key-0002";
    private const string NamedFunctionKey = "redaction-crm-key-0003";
    private const string PageTokenKey = "redaction-page-token-key-0004";
    private const string EmailHashKey = "redaction-email-hash-key-0005";
    private const string ExperimentHashKey = "redaction-experiment-key-0006";

    // Not configured, but sent as ?code=: whoever sent it may have meant a real key elsewhere.
    private const string UnknownKey = "redaction-unknown-key-0007";

    [Fact]
    public async Task No_configured_key_appears_in_the_log_of_a_full_run_at_trace_level()
    {
        await azurite.ResetAsync();
        var accountKey = AccountKeyOf(azurite.ConnectionString);
        await using var host = await StartAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Azure"] = "Trace",
        });
        using var driver = new HostProcessDriver(host, azurite.ConnectionString, FunctionKey, AdminKey);
        using var anonymous = host.CreateClient(null);

        // A full run: exports in, a recompute, then reads with every way of sending a key.
        await driver.IngestFileAsync("sample.csv", RepositoryPaths.Sample);
        await driver.IngestFileAsync("customers.csv", RepositoryPaths.CustomersSample, StorageNames.CustomersContainer);
        await driver.RunAsync("2011-12-10");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/customers/12662?code={FunctionKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/customers/12662?code={AdminKey}")).StatusCode);
        using (var named = new HttpRequestMessage(HttpMethod.Get, "api/customers/12662"))
        {
            named.Headers.Add("x-functions-key", NamedFunctionKey);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(named)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/customers/12662?code={UnknownKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driver.Http.PostAsJsonAsync("api/customers/lookup", new { ids = new[] { "12662", "someone@example.com" } })).StatusCode);
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"api/segments/rfm:Champions/customers?pageSize=2&code={FunctionKey}");
        var token = Uri.EscapeDataString(page.GetProperty("continuationToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/segments/rfm:Champions/customers?pageSize=2&continuationToken={token}&code={FunctionKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/dashboard?code={FunctionKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/nowhere?code={AdminKey}")).StatusCode);

        // Assert: the log is full (Trace), it logged the request lines, and it holds no key in any spelling.
        var log = host.Output;
        output.WriteLine($"{log.Split('\n').Length:N0} lines, {log.Length:N0} characters of log at Trace");
        Assert.Contains("Request starting", log, StringComparison.Ordinal);
        Assert.Contains("code=***", log, StringComparison.Ordinal);
        foreach (var (name, secret) in new[]
        {
            ("admin key", AdminKey), ("function key", FunctionKey), ("named function key", NamedFunctionKey),
            ("page token key", PageTokenKey), ("e-mail hash key", EmailHashKey), ("experiment hash key", ExperimentHashKey),
            ("unconfigured key sent as code", UnknownKey), ("storage account key", accountKey),
            ("storage account key, URL-encoded", Uri.EscapeDataString(accountKey)),
        })
        {
            Assert.False(log.Contains(secret, StringComparison.Ordinal), $"The {name} is in the host's log:\n{string.Join('\n', log.Split('\n').Where(l => l.Contains(secret, StringComparison.Ordinal)).Take(5))}");
        }
    }

    [Fact]
    public async Task Lookups_write_no_log_line_at_the_default_level_run_from_the_repository_root()
    {
        // As scripts/run-local.sh runs it: working directory the repository root, no log settings.
        await azurite.ResetAsync();
        await using var host = await StartAsync(new Dictionary<string, string>(), RepositoryPaths.Root);
        using var anonymous = host.CreateClient(null);
        await Task.Delay(1000); // the start-up lines are written
        var before = host.Output.Length;

        for (var i = 0; i < 200; i++)
        {
            using var response = await anonymous.GetAsync($"api/customers/12662?code={FunctionKey}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await Task.Delay(500);
        var written = host.Output[before..];
        output.WriteLine($"200 lookups wrote {written.Length} characters of log");
        Assert.Equal(string.Empty, written.Trim());
    }

    private async Task<HostProcess> StartAsync(Dictionary<string, string> logging, string? workingDirectory = null)
    {
        var environment = new Dictionary<string, string>(logging)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Segments__AdminKey"] = AdminKey,
            ["Segments__FunctionKey"] = FunctionKey,
            ["Segments__FunctionKeys__crm"] = NamedFunctionKey,
            ["Segments__PageTokenKey"] = PageTokenKey,
            ["Segments__Ingest__EmailHashKey"] = EmailHashKey,
            ["Segments__Experiments__HashKey"] = ExperimentHashKey,
            ["Segments__PollIntervalSeconds"] = "1",
            ["Segments__HostId"] = "segments-redaction-test",
        };
        return await HostProcess.StartAsync(environment, "api/health", null, workingDirectory);
    }

    private static string AccountKeyOf(string connectionString) =>
        connectionString.Split(';').Single(part => part.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
}
