namespace Segments.Core.Rules;

/// <summary>The kinds of token a rule query is made of.</summary>
internal enum TokenKind
{
    Identifier,
    Text,
    Number,
    RelativeDays,
    LeftParen,
    RightParen,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
    Not,
    In,
    Contains,
    True,
    False,
    End,
}
