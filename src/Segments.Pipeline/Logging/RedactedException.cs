namespace Segments.Pipeline.Logging;

/// <summary>
/// Stands in for an exception whose text carried a secret (a storage URL with a SAS, a connection string in a
/// message): same type name and stack in its text, secrets masked.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string text, string message)
        : base(message)
    {
        _text = text;
    }

    /// <summary><paramref name="exception"/> itself when its text holds no secret, else a masked copy of its text.</summary>
    public static Exception Of(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);
        var text = exception.ToString();
        var redacted = redactor.Redact(text);
        return ReferenceEquals(text, redacted) ? exception : new RedactedException(redacted, redactor.Redact(exception.Message));
    }

    /// <inheritdoc />
    public override string ToString() => _text;
}
