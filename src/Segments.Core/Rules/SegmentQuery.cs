namespace Segments.Core.Rules;

/// <summary>
/// A parsed, type-checked rule query such as
/// <c>country = 'United Kingdom' AND orders &gt;= 3 AND last_order_date &gt; -90d</c>.
/// The language is described in <c>docs/segment-rules.md</c>.
/// </summary>
/// <param name="Text">The query as written.</param>
/// <param name="Root">Its syntax tree.</param>
public sealed record SegmentQuery(string Text, QueryNode Root)
{
    /// <summary>Parses and type-checks <paramref name="text"/> against <paramref name="catalog"/> (the standard attributes when null).</summary>
    public static QueryParseResult Parse(string text, AttributeCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tokens, error) = QueryTokenizer.Tokenize(text);
        if (tokens is null)
        {
            return new QueryParseResult(null, error);
        }

        var parser = new QueryParser(tokens, catalog ?? AttributeCatalog.Standard);
        var root = parser.ParseQuery();
        return root is null
            ? new QueryParseResult(null, parser.Error)
            : new QueryParseResult(new SegmentQuery(text, root), null);
    }

    /// <summary>
    /// True when the query holds for <paramref name="profile"/> on the run's <paramref name="asOf"/> date
    /// (which relative dates count from). Unknown counts as not matching.
    /// </summary>
    public bool Matches(CustomerProfile profile, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Root.Evaluate(profile, asOf) == true;
    }
}
