using System.Diagnostics;

namespace Segments.Bench.Ingest;

/// <summary>Runs a program to the end and returns what it printed; a failure ends the benchmark with its output.</summary>
internal static class ChildProcess
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }

    /// <summary>This benchmark's own executable and the arguments that start it again.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) Self()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var assembly = typeof(ChildProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (host, [assembly])
            : (host, []);
    }
}
