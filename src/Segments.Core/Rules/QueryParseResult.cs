using System.Diagnostics.CodeAnalysis;

namespace Segments.Core.Rules;

/// <summary>A parsed query, or why the text is not one.</summary>
public sealed record QueryParseResult(SegmentQuery? Query, QueryError? Error)
{
    /// <summary>True when <see cref="Query"/> is set (and <see cref="Error"/> is not).</summary>
    [MemberNotNullWhen(true, nameof(Query))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Query is not null;
}
