namespace Segments.Core.Rules;

/// <summary>Why a query cannot be used, and where.</summary>
/// <param name="Position">1-based character position in the query text; one past the end when the query stops too early.</param>
/// <param name="Message">Plain-words message that repeats the position, e.g. <c>unknown attribute 'contry' at position 1; did you mean 'country'?</c>.</param>
public sealed record QueryError(int Position, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
