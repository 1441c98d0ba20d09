using Microsoft.Extensions.Logging;

namespace Segments.Pipeline.Logging;

/// <summary>Wraps a logger provider (console, the Functions worker's, Application Insights …) so that nothing it writes carries a secret.</summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>The provider that writes.</summary>
    public ILoggerProvider Inner { get; } = inner;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(Inner.CreateLogger(categoryName), redactor);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (Inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Inner.Dispose();
}
