using System.Text.Json;

namespace Segments.Infra.Tests.Fixtures;

/// <summary>
/// infra/main.bicep compiled once per test run (<c>bicep build --outfile</c>) to ARM JSON, shared by the
/// template tests.
/// </summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("segments-arm-").FullName;

    /// <summary>What <c>bicep build</c> said.</summary>
    public BicepResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>The compiled template text, exactly as written.</summary>
    public string Json { get; private set; } = string.Empty;

    /// <summary>The compiled template.</summary>
    public ArmTemplate Main { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var output = Path.Combine(_folder, "main.json");
        Build = await BicepCli.RunAsync("build", InfraPaths.MainBicep, "--outfile", output);
        if (Build.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"bicep build failed: {Build}");
        }

        Json = await File.ReadAllTextAsync(output);
        Main = new ArmTemplate("main", JsonDocument.Parse(Json).RootElement.Clone());
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
