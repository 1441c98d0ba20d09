using Microsoft.Extensions.Logging;

namespace Segments.Pipeline.Logging;

/// <summary>
/// Writes through another logger, masking secrets (<see cref="SecretRedactor"/>) in the message, in the
/// structured values and in the exception. An entry without a secret passes unchanged, structure and all.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var redactedMessage = redactor.Redact(message);
        var redactedException = exception is null ? null : RedactedException.Of(exception, redactor);
        if (ReferenceEquals(redactedMessage, message) && ReferenceEquals(redactedException, exception) && !HasSecretValue(state))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        inner.Log(logLevel, eventId, new RedactedLogState(redactedMessage, Values(state)), redactedException, static (s, _) => s.Message);
    }

    private bool HasSecretValue<TState>(TState state) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> values
        && values.Any(pair => pair.Value is string text && !ReferenceEquals(redactor.Redact(text), text));

    private List<KeyValuePair<string, object?>> Values<TState>(TState state) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> values
            ? [.. values.Select(pair => pair.Value is string text ? new KeyValuePair<string, object?>(pair.Key, redactor.Redact(text)) : pair)]
            : [];
}
