namespace Segments.Integration.Tests.Fixtures;

/// <summary>Runs the built <c>segments</c> CLI as a separate process, as an analyst runs it.</summary>
public static class CliProcess
{
    /// <summary>Runs <c>segments</c> with <paramref name="args"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var result = await ChildProcess.RunAsync("segments.dll", args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
