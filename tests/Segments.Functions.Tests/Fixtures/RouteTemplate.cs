namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// Matches a request path against an HTTP trigger's route template (<c>segments/{name}/customers</c>, under the
/// <c>api</c> prefix of host.json) and yields the route values, decoded as the runtime decodes them.
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
        if (expected.Length != actual.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i].StartsWith('{') && expected[i].EndsWith('}'))
            {
                values[expected[i][1..^1]] = Uri.UnescapeDataString(actual[i]);
            }
            else if (!expected[i].Equals(actual[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>How many literal segments a template has: a literal route wins over a parameter (<c>customers/lookup</c> over <c>customers/{customerId}</c>).</summary>
    public static int Literals(string template) => template.Split('/').Count(segment => !segment.StartsWith('{'));
}
