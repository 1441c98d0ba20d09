using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Segments.Infra.Tests.Fixtures;

/// <summary>Runs the Bicep CLI from the NuGet package as a process.</summary>
public static class BicepCli
{
    // The first run unpacks the single-file compiler; on a busy two-core machine that takes a while.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in infra/ and returns what it said.</summary>
    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var compiler = Compiler();
        var start = new ProcessStartInfo(compiler)
        {
            WorkingDirectory = InfraPaths.Infra,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update check: the compiler works offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {compiler}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Compiler()
    {
        var compiler = InfraPaths.BicepCompiler;
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"The test run compiles infra/ with Azure.Bicep.CommandLine.linux-x64; this is {RuntimeInformation.RuntimeIdentifier}.");
        }

        if (!File.Exists(compiler))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {compiler}: restore tests/Segments.Infra.Tests first (it is a PackageDownload).", compiler);
        }

        // NuGet does not promise to keep the executable bit when it extracts a package.
        var mode = File.GetUnixFileMode(compiler);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(compiler, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return compiler;
    }
}
