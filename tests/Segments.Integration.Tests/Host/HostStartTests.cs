using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Host;

/// <summary>How the host process behaves when it cannot work.</summary>
public sealed class HostStartTests
{
    private static readonly string[] HostArgs = ["--urls", "http://127.0.0.1:0"];

    [Fact]
    public async Task Host_without_reachable_storage_says_so_in_one_line_and_exits_1()
    {
        var port = LoopbackPort.Free();
        var storage =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var host = await ChildProcess.RunAsync("Segments.Host.dll", HostArgs, new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage });

        Assert.Equal(1, host.ExitCode);
        var error = host.Stderr.Trim();
        Assert.StartsWith("Segments host cannot start: Cannot reach Azure Storage at http://127.0.0.1:" + port, error, StringComparison.Ordinal);
        Assert.Contains("start Azurite first", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + host.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_an_invalid_schedule_refuses_to_start()
    {
        var host = await ChildProcess.RunAsync("Segments.Host.dll", HostArgs, new Dictionary<string, string> { ["Segments__Schedule"] = "0 2 * * *" });

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("Schedule '0 2 * * *' has 5 fields", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_incomplete_identity_based_storage_settings_names_the_missing_setting_and_exits_1()
    {
        // The settings infra/ gives the Function App, less one: no token is ever requested.
        var host = await ChildProcess.RunAsync("Segments.Host.dll", HostArgs, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__blobServiceUri"] = "https://segstore.blob.core.windows.net/",
            ["AzureWebJobsStorage__tableServiceUri"] = "https://segstore.table.core.windows.net/",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-0000000000c1",
        });

        Assert.Equal(1, host.ExitCode);
        var error = host.Stderr.Trim();
        Assert.StartsWith("Segments host cannot start: AzureWebJobsStorage__queueServiceUri is missing", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + host.Stdout, StringComparison.Ordinal);
    }
}
