using Microsoft.Extensions.Logging;
using Segments.Pipeline.Logging;

namespace Segments.Pipeline.Tests.Logging;

public sealed class RedactingLoggerProviderTests
{
    private const string Key = "the-admin-key-123";

    [Fact]
    public void A_key_in_the_message_the_structured_values_and_the_exception_is_masked()
    {
        var written = new List<(string Message, IReadOnlyList<KeyValuePair<string, object?>>? Values, Exception? Exception)>();
        using var provider = new RedactingLoggerProvider(new ListProvider(written), new SecretRedactor([Key]));
        var logger = provider.CreateLogger("test");

        logger.Log(LogLevel.Debug, new EventId(1), new List<KeyValuePair<string, object?>> { new("Url", $"/api/x?code={Key}") }, new InvalidOperationException($"key {Key} refused"), (s, _) => $"Request {s[0].Value}");

        var (message, values, exception) = Assert.Single(written);
        Assert.Equal("Request /api/x?code=***", message);
        Assert.Equal("/api/x?code=***", Assert.Single(values!).Value);
        Assert.DoesNotContain(Key, exception!.ToString(), StringComparison.Ordinal);
        Assert.Contains("key *** refused", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_secret_passes_with_its_own_state_and_exception()
    {
        var written = new List<(string Message, IReadOnlyList<KeyValuePair<string, object?>>? Values, Exception? Exception)>();
        using var provider = new RedactingLoggerProvider(new ListProvider(written), new SecretRedactor([Key]));
        var state = new List<KeyValuePair<string, object?>> { new("RunId", "r1") };
        var error = new InvalidOperationException("plain");

        provider.CreateLogger("test").Log(LogLevel.Information, new EventId(2), state, error, (s, _) => $"Run {s[0].Value}");

        var (message, values, exception) = Assert.Single(written);
        Assert.Equal("Run r1", message);
        Assert.Same(state, values);
        Assert.Same(error, exception);
    }

    private sealed class ListProvider(List<(string, IReadOnlyList<KeyValuePair<string, object?>>?, Exception?)> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(written);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<(string, IReadOnlyList<KeyValuePair<string, object?>>?, Exception?)> written) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Add((formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>>, exception));
    }
}
