using System.Reflection.PortableExecutable;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.FunctionsRuntime;

/// <summary>The folder that <c>dotnet publish src/Segments.Functions -c Release</c> produces is the one zip-deployed to Azure.</summary>
[Collection(FunctionsRuntimeCollection.Name)]
public sealed class PublishOutputTests(PublishedFunctionsApp app)
{
    // What crossgen2 XORs into the machine field of a Linux image (the runtime's IMAGE_FILE_MACHINE_NATIVE_OS_OVERRIDE).
    private const int LinuxMachineMarker = 0x7B79;

    [Fact]
    public void Published_folder_holds_what_the_runtime_reads_and_no_local_settings()
    {
        foreach (var file in new[] { "functions.metadata", "extensions.json", "worker.config.json", "host.json", "Segments.Functions.dll" })
        {
            Assert.True(File.Exists(Path.Combine(app.Folder, file)), $"{file} is missing from the publish output {app.Folder}");
        }

        // The runtime loads the storage trigger extensions from the hint paths in extensions.json.
        Assert.True(File.Exists(Path.Combine(app.Folder, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Blobs.dll")));

        // Local secrets never ship, whether or not a developer has a local.settings.json at the repository root.
        Assert.Empty(Directory.GetFiles(app.Folder, "local.settings.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Published_app_and_its_libraries_are_precompiled_ready_to_run_for_linux_x64()
    {
        foreach (var assembly in new[] { "Segments.Functions.dll", "Segments.Pipeline.dll", "Segments.Core.dll", "Azure.Storage.Blobs.dll" })
        {
            using var stream = File.OpenRead(Path.Combine(app.Folder, assembly));
            using var reader = new PEReader(stream);
            // crossgen2 gives the image a ReadyToRun header (the managed native header) and writes the target into
            // the COFF machine field: x64 XOR the Linux marker (an IL-only assembly says I386).
            Assert.True(reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is not ReadyToRun");
            Assert.Equal((ushort)Machine.Amd64 ^ LinuxMachineMarker, (int)reader.PEHeaders.CoffHeader.Machine);
        }

        // Framework-dependent: the platform's .NET runs it, so no runtime is bundled.
        Assert.False(File.Exists(Path.Combine(app.Folder, "System.Private.CoreLib.dll")));
    }
}
