namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// Matches a request path against an HTTP trigger's route template (<c>segments/{name}/customers</c>, or with a
/// catch-all last segment such as <c>docs/{*path}</c>, under the <c>api</c> prefix of host.json) and yields the
/// route values, decoded as the runtime decodes them.
/// </summary>
public static class RouteTemplate
{
    /// <summary>The route prefix of host.json's <c>extensions.http.routePrefix</c>.</summary>
    public const string Prefix = "api";

    /// <summary>Route values when <paramref name="path"/> (e.g. <c>/api/runs/x</c>) matches <paramref name="template"/>, else null.</summary>
    public static Dictionary<string, string>? Match(string template, string path)
    {
        var expected = (Prefix + "/" + template).Split('/');
        var actual = path.Trim('/').Split('/');
        var catchAll = expected[^1].StartsWith("{*", StringComparison.Ordinal);
        var fixedSegments = catchAll ? expected.Length - 1 : expected.Length;
        if (catchAll ? actual.Length < fixedSegments : actual.Length != expected.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fixedSegments; i++)
        {
            if (IsParameter(expected[i]))
            {
                values[expected[i][1..^1]] = Uri.UnescapeDataString(actual[i]);
            }
            else if (!expected[i].Equals(actual[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        if (catchAll)
        {
            values[expected[^1][2..^1]] = Uri.UnescapeDataString(string.Join('/', actual[fixedSegments..]));
        }

        return values;
    }

    /// <summary>How many literal segments a template has: a literal route wins over a parameter (<c>customers/lookup</c> over <c>customers/{customerId}</c>).</summary>
    public static int Literals(string template) => template.Split('/').Count(segment => !IsParameter(segment));

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
