namespace Segments.Core.Rules;

/// <summary>One token of a rule query.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Position">1-based position of its first character.</param>
/// <param name="Source">The characters as written (empty for the end).</param>
/// <param name="Text">The decoded content of a quoted string.</param>
/// <param name="Number">The value of a number, or the signed day count of a relative date.</param>
internal readonly record struct Token(TokenKind Kind, int Position, string Source, string Text = "", decimal Number = 0m)
{
    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the query",
        TokenKind.Text => Source, // already in its quotes
        _ => $"'{Source}'",
    };
}
