using System.Diagnostics;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>Runs a program to completion (one of the product's own, a tool, a browser) and keeps what it wrote.</summary>
public static class ChildProcess
{
    private static readonly TimeSpan ProductTimeout = TimeSpan.FromMinutes(2);

    /// <summary>What the process left behind.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>dotnet {assembly} {args}</c> from the test output folder, as a user would (at most two minutes).</summary>
    public static Task<Result> RunAsync(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return RunAsync(start, ProductTimeout);
    }

    /// <summary>
    /// Runs <paramref name="start"/> to completion with its output captured (the redirection is set here). A process
    /// still running after <paramref name="timeout"/> is killed with the processes it started, and the run fails
    /// with what it wrote.
    /// </summary>
    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds} s:\n{await stdout}\n{await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
