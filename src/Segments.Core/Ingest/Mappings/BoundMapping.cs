namespace Segments.Core.Ingest.Mappings;

/// <summary>A mapping with its column names resolved to positions in one file.</summary>
public sealed record BoundMapping(
    ExportMapping Mapping,
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<int> Customer,
    int? Order,
    IReadOnlyList<int> OrderDate,
    int? Amount,
    int? Quantity,
    int? UnitPrice,
    int? OrderTotal,
    int? Refunded,
    IReadOnlyList<int> Product,
    IReadOnlyList<int> Country,
    int? Currency,
    int? Cancellation)
{
    /// <summary>
    /// Resolves <paramref name="mapping"/> against a file's columns. Returns the missing columns instead
    /// when the file lacks what the mapping needs.
    /// </summary>
    public static (BoundMapping? Bound, string? Problem) Bind(ExportMapping mapping, IReadOnlyList<string> columns)
    {
        var missing = new List<string>();
        var header = new HeaderColumns(columns);

        int? Optional(string? name) => name is null ? null : header.Find(name);

        int? Required(string? name)
        {
            var ordinal = Optional(name);
            if (name is not null && ordinal is null)
            {
                missing.Add(name);
            }

            return ordinal;
        }

        IReadOnlyList<int> AnyOf(IReadOnlyList<string> names, bool required)
        {
            var found = names.Select(header.Find).OfType<int>().ToList();
            if (required && found.Count == 0 && names.Count > 0)
            {
                missing.Add(string.Join(" or ", names));
            }

            return found;
        }

        var usesTotal = mapping.OrderTotal is not null;
        var usesAmount = !usesTotal && mapping.Amount is not null;
        var bound = new BoundMapping(
            mapping,
            columns,
            AnyOf(mapping.Customer, required: true),
            Required(mapping.Order),
            AnyOf(mapping.OrderDate, required: true),
            usesAmount ? Required(mapping.Amount) : Optional(mapping.Amount),
            usesTotal || usesAmount ? Optional(mapping.Quantity) : Required(mapping.Quantity),
            usesTotal || usesAmount ? Optional(mapping.UnitPrice) : Required(mapping.UnitPrice),
            usesTotal ? Required(mapping.OrderTotal) : null,
            Optional(mapping.Refunded),
            AnyOf(mapping.Product, required: false),
            AnyOf(mapping.Country, required: false),
            Optional(mapping.Currency),
            mapping.Cancellation is { } rule ? Optional(rule.Column) : null);

        return missing.Count == 0
            ? (bound, null)
            : (null, $"missing required columns for mapping '{mapping.Name}': {string.Join(", ", missing)}; found ({string.Join(",", columns)})");
    }
}
