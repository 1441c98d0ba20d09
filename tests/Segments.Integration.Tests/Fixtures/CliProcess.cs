using System.Diagnostics;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>Runs the built <c>segments</c> CLI as a separate process, as an analyst runs it.</summary>
public static class CliProcess
{
    /// <summary>
    /// Environment variable naming a published <c>segments</c> executable (e.g. the Native AOT build of
    /// <c>dotnet publish src/Segments.Cli -c Release</c>) to run instead of the built <c>segments.dll</c>, so that the
    /// CLI tests check what is shipped: <c>SEGMENTS_CLI=/tmp/pub/segments dotnet test ... --filter FullyQualifiedName~Integration.Tests.Cli</c>.
    /// </summary>
    public const string ExecutableVariable = "SEGMENTS_CLI";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>segments</c> with <paramref name="args"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var result = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable
            ? await ChildProcess.RunAsync(Published(executable, args), Timeout)
            : await ChildProcess.RunAsync("segments.dll", args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private static ProcessStartInfo Published(string executable, string[] args)
    {
        var start = new ProcessStartInfo(Path.GetFullPath(executable));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
