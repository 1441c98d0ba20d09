using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Host;

/// <summary>How the host process behaves when it cannot work.</summary>
public sealed class HostStartTests
{
    [Fact]
    public async Task Host_without_reachable_storage_says_so_in_one_line_and_exits_1()
    {
        var port = UnusedPort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Segments.Host.dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AzureWebJobsStorage"] =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        using var host = Process.Start(start)!;
        var stderr = host.StandardError.ReadToEndAsync();
        var stdout = host.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, host.ExitCode);
        var error = (await stderr).Trim();
        Assert.StartsWith("Segments host cannot start: Cannot reach Azure Storage at http://127.0.0.1:" + port, error, StringComparison.Ordinal);
        Assert.Contains("start Azurite first", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_an_invalid_schedule_refuses_to_start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Segments.Host.dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Segments__Schedule"] = "0 2 * * *";

        using var host = Process.Start(start)!;
        var stderr = host.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("Schedule '0 2 * * *' has 5 fields", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_incomplete_identity_based_storage_settings_names_the_missing_setting_and_exits_1()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Segments.Host.dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The settings infra/ gives the Function App, less one: no token is ever requested.
        start.Environment["AzureWebJobsStorage__blobServiceUri"] = "https://segstore.blob.core.windows.net/";
        start.Environment["AzureWebJobsStorage__tableServiceUri"] = "https://segstore.table.core.windows.net/";
        start.Environment["AzureWebJobsStorage__credential"] = "managedidentity";
        start.Environment["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-0000000000c1";

        using var host = Process.Start(start)!;
        var stderr = host.StandardError.ReadToEndAsync();
        var stdout = host.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, host.ExitCode);
        var error = (await stderr).Trim();
        Assert.StartsWith("Segments host cannot start: AzureWebJobsStorage__queueServiceUri is missing", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
