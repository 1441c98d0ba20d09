using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Segments.Core.Rules;

/// <summary>Splits a rule query into tokens, by hand, reporting the first character it cannot read.</summary>
internal static class QueryTokenizer
{
    /// <summary>A relative date further than a century away is a typo, and stays safely inside DateOnly's range.</summary>
    public const int MaxRelativeDays = 36_500;

    private static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>
    {
        ["AND"] = TokenKind.And,
        ["OR"] = TokenKind.Or,
        ["NOT"] = TokenKind.Not,
        ["IN"] = TokenKind.In,
        ["CONTAINS"] = TokenKind.Contains,
        ["TRUE"] = TokenKind.True,
        ["FALSE"] = TokenKind.False,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tokens of <paramref name="query"/>, ending with one <see cref="TokenKind.End"/>; or the error.</summary>
    public static (List<Token>? Tokens, QueryError? Error) Tokenize(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < query.Length && char.IsWhiteSpace(query[i]))
            {
                i++;
            }

            if (i >= query.Length)
            {
                tokens.Add(new Token(TokenKind.End, query.Length + 1, string.Empty));
                return (tokens, null);
            }

            var (token, error) = ReadToken(query, i);
            if (error is not null)
            {
                return (null, error);
            }

            tokens.Add(token);
            i += token.Source.Length;
        }
    }

    private static (Token Token, QueryError? Error) ReadToken(string query, int start)
    {
        var position = start + 1;
        var c = query[start];
        var next = start + 1 < query.Length ? query[start + 1] : '\0';
        return c switch
        {
            '(' => (new Token(TokenKind.LeftParen, position, "("), null),
            ')' => (new Token(TokenKind.RightParen, position, ")"), null),
            ',' => (new Token(TokenKind.Comma, position, ","), null),
            '=' => (new Token(TokenKind.Equal, position, "="), null),
            '!' when next == '=' => (new Token(TokenKind.NotEqual, position, "!="), null),
            '<' when next == '=' => (new Token(TokenKind.LessOrEqual, position, "<="), null),
            '<' => (new Token(TokenKind.Less, position, "<"), null),
            '>' when next == '=' => (new Token(TokenKind.GreaterOrEqual, position, ">="), null),
            '>' => (new Token(TokenKind.Greater, position, ">"), null),
            '\'' or '"' => ReadString(query, start),
            '-' or '+' when char.IsAsciiDigit(next) => ReadNumber(query, start),
            _ when char.IsAsciiDigit(c) => ReadNumber(query, start),
            _ when char.IsAsciiLetter(c) || c == '_' => (ReadWord(query, start), null),
            '!' => (default, new QueryError(position, $"unexpected '!' at position {position}; did you mean '!='?")),
            _ => (default, new QueryError(position, $"unexpected '{c}' at position {position}")),
        };
    }

    /// <summary>
    /// A string in single or double quotes (event names are usually written in double quotes, as tracking plans and
    /// the issue that asked for them write them); a doubled quote inside stands for one quote.
    /// </summary>
    private static (Token, QueryError?) ReadString(string query, int start)
    {
        var quote = query[start];
        var text = new StringBuilder();
        var i = start + 1;
        while (i < query.Length)
        {
            if (query[i] == quote)
            {
                if (i + 1 < query.Length && query[i + 1] == quote)
                {
                    text.Append(quote);
                    i += 2;
                    continue;
                }

                return (new Token(TokenKind.Text, start + 1, query[start..(i + 1)], text.ToString()), null);
            }

            text.Append(query[i]);
            i++;
        }

        return (default, new QueryError(start + 1, $"unterminated text starting at position {start + 1}; close it with {quote}"));
    }

    /// <summary>A number (<c>3</c>, <c>-2.5</c>) or a relative date (<c>-90d</c>, <c>7d</c>).</summary>
    private static (Token, QueryError?) ReadNumber(string query, int start)
    {
        var position = start + 1;
        var i = start + 1;
        while (i < query.Length && char.IsAsciiDigit(query[i]))
        {
            i++;
        }

        var isWhole = true;
        if (i + 1 < query.Length && query[i] == '.' && char.IsAsciiDigit(query[i + 1]))
        {
            isWhole = false;
            i++;
            while (i < query.Length && char.IsAsciiDigit(query[i]))
            {
                i++;
            }
        }

        var end = i;
        while (end < query.Length && IsWordChar(query[end]))
        {
            end++;
        }

        var source = query[start..end];
        if (end == i)
        {
            return decimal.TryParse(source, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? (new Token(TokenKind.Number, position, source, Number: number), null)
                : (default, new QueryError(position, $"'{source}' at position {position} is too large a number"));
        }

        if (isWhole && end == i + 1 && query[i] is 'd' or 'D')
        {
            var digits = query[start..i];
            return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) && Math.Abs(days) <= MaxRelativeDays
                ? (new Token(TokenKind.RelativeDays, position, source, Number: days), null)
                : (default, new QueryError(position, $"relative date '{source}' at position {position} is more than {MaxRelativeDays} days away"));
        }

        return (default, new QueryError(position, $"'{source}' at position {position} is neither a number nor a relative date such as -90d"));
    }

    private static Token ReadWord(string query, int start)
    {
        var end = start;
        while (end < query.Length && IsWordChar(query[end]))
        {
            end++;
        }

        var word = query[start..end];
        var kind = Keywords.TryGetValue(word, out var keyword) ? keyword : TokenKind.Identifier;
        return new Token(kind, start + 1, word);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
