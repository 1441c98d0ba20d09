namespace Segments.Integration.Tests.Fixtures;

/// <summary>A fact that runs the published Functions app on the real Functions runtime; skipped where the runtime is absent.</summary>
public sealed class FunctionsRuntimeFactAttribute : FactAttribute
{
    /// <summary>Skips when <c>../shared/tools/functions-host</c> is not beside the repository.</summary>
    public FunctionsRuntimeFactAttribute()
    {
        if (!FunctionsRuntimeFolder.IsPresent)
        {
            Skip = $"needs the Azure Functions runtime at {FunctionsRuntimeFolder.Path} (../shared/tools/functions-host), not present on this machine";
        }
    }
}
