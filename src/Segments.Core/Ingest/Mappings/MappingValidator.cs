using System.Text.RegularExpressions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>Checks that a mapping can produce transaction lines, in words a store can act on.</summary>
public static class MappingValidator
{
    /// <summary>Every problem of <paramref name="mapping"/> as an order mapping (the name every kind needs is checked by <see cref="MappingCatalog{TMapping}.Parse"/>); empty when usable.</summary>
    public static IReadOnlyList<string> Problems(ExportMapping mapping)
    {
        var problems = new List<string>();
        if (mapping.Customer.Count == 0)
        {
            problems.Add("'customer' must name at least one column");
        }

        if (mapping.OrderDate.Count == 0)
        {
            problems.Add("'orderDate' must name at least one column");
        }

        if (mapping.Amount is null && mapping.OrderTotal is null && (mapping.Quantity is null || mapping.UnitPrice is null))
        {
            problems.Add("an amount is needed: 'amount', 'orderTotal', or both 'quantity' and 'unitPrice'");
        }

        if (mapping.Layout is not ("delimited" or "whitespace"))
        {
            problems.Add($"'layout' is '{mapping.Layout}'; it must be 'delimited' or 'whitespace'");
        }

        if (Records.DeclaredEncoding.Resolve(mapping.Encoding).Problem is { } encoding)
        {
            problems.Add($"'encoding': {encoding}");
        }

        if ((mapping.Layout == "whitespace" || mapping.HeaderlessPattern is not null) && mapping.Columns.Count == 0)
        {
            problems.Add("a headerless layout needs 'columns', the column names in order");
        }

        if (mapping.HeaderlessPattern is { } pattern && !IsValidPattern(pattern))
        {
            problems.Add($"'headerlessPattern' is not a valid regular expression: {pattern}");
        }

        if (mapping.Cancellation is { } rule)
        {
            if (string.IsNullOrWhiteSpace(rule.Column))
            {
                problems.Add("'cancellation.column' is required");
            }

            if (rule.Kind is not ("document" or "order"))
            {
                problems.Add($"'cancellation.kind' is '{rule.Kind}'; it must be 'document' or 'order'");
            }

            if (rule.Prefix is null && rule.Values.Count == 0 && !rule.NonEmpty)
            {
                problems.Add("'cancellation' needs 'prefix', 'values' or 'nonEmpty'");
            }
        }

        return problems;
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
