namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// The Azure Functions runtime built from public source, beside the repository in
/// <c>../shared/tools/functions-host</c> (see its README): what Azure runs, started over a published app.
/// </summary>
public static class FunctionsRuntimeFolder
{
    /// <summary>The folder holding <c>run-host.sh</c> and the runtime's <c>bin/</c>.</summary>
    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryPaths.Root, "..", "shared", "tools", "functions-host"));

    /// <summary><c>run-host.sh APP_DIR PORT [SETTINGS_JSON]</c>: starts the runtime in the foreground.</summary>
    public static string RunHost => System.IO.Path.Combine(Path, "run-host.sh");

    /// <summary>Whether the runtime is here to be started.</summary>
    public static bool IsPresent => File.Exists(RunHost) && Directory.Exists(System.IO.Path.Combine(Path, "bin"));
}
