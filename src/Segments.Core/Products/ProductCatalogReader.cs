using System.Text;
using Segments.Core.Ingest;
using Segments.Core.Rules;

namespace Segments.Core.Products;

/// <summary>
/// Reads the product catalog CSV: a header naming a <c>product</c> column (the product id exactly as the
/// order exports' product column holds it, trimmed), optional <c>category</c> and <c>vendor</c> columns and
/// any further columns, each a rule attribute <c>product_X</c>. Comma, tab or semicolon separated, RFC 4180
/// quotes within a line. A bad line is reported and skipped; it never fails the whole catalog.
/// </summary>
public static class ProductCatalogReader
{
    /// <summary>The required column: the product id.</summary>
    public const string ProductColumn = "product";

    /// <summary>The column whose values make <see cref="StandardAttributes.ProductCategories"/>.</summary>
    public const string CategoryColumn = "category";

    /// <summary>The column whose values make <see cref="StandardAttributes.ProductVendors"/>.</summary>
    public const string VendorColumn = "vendor";

    /// <summary>Parses <paramref name="text"/>, naming <paramref name="file"/> in errors.</summary>
    public static ProductCatalogReadResult Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<ProductCatalogError>();
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            errors.Add(new ProductCatalogError(file, 1, "the file is empty; a header with a 'product' column is required"));
            return new ProductCatalogReadResult(null, errors);
        }

        var header = lines[headerIndex];
        var delimiter = DelimitedLine.Detect(header) is var d && d != DelimitedLine.Whitespace ? d : ',';
        var columns = DelimitedLine.Split(header, delimiter).Select(NormaliseColumn).ToArray();
        var productOrdinal = Array.IndexOf(columns, ProductColumn);
        if (productOrdinal < 0)
        {
            errors.Add(new ProductCatalogError(file, headerIndex + 1, $"the header has no '{ProductColumn}' column (found: {string.Join(", ", columns)}); no product attributes this run"));
            return new ProductCatalogReadResult(null, errors);
        }

        var (attributes, ordinals) = AttributeColumns(columns, productOrdinal, file, headerIndex + 1, errors);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.Count(c => c == '"') % 2 != 0)
            {
                errors.Add(new ProductCatalogError(file, number, "a quoted field is not closed"));
                continue;
            }

            var fields = DelimitedLine.Split(line, delimiter);
            if (fields.Length != columns.Length)
            {
                errors.Add(new ProductCatalogError(file, number, $"expected {columns.Length} fields as in the header, found {fields.Length}"));
                continue;
            }

            var product = fields[productOrdinal].Trim();
            if (product.Length == 0)
            {
                errors.Add(new ProductCatalogError(file, number, "missing product id"));
                continue;
            }

            var row = ordinals.Select(o => o < 0 ? string.Empty : fields[o].Trim()).ToArray();
            if (values.TryGetValue(product, out var earlier))
            {
                if (!earlier.SequenceEqual(row, StringComparer.Ordinal))
                {
                    errors.Add(new ProductCatalogError(file, number, $"product '{product}' is already listed on line {lineOf[product]} with different attributes; line {lineOf[product]} is kept"));
                }

                continue;
            }

            values.Add(product, row);
            lineOf.Add(product, number);
        }

        return new ProductCatalogReadResult(new ProductCatalog(attributes, values), errors);
    }

    /// <summary>The rule attribute a catalog column makes: <c>category</c> and <c>vendor</c> the standard lists, any other X <c>product_X</c>.</summary>
    public static string AttributeNameFor(string column) => NormaliseColumn(column) switch
    {
        CategoryColumn => StandardAttributes.ProductCategories,
        VendorColumn => StandardAttributes.ProductVendors,
        var other => "product_" + other,
    };

    // Category and vendor always exist (empty without their column), so rules over them mean the same whatever
    // the file has; further columns follow in file order.
    private static (List<AttributeDefinition> Attributes, List<int> Ordinals) AttributeColumns(
        string[] columns, int productOrdinal, string file, int headerLine, List<ProductCatalogError> errors)
    {
        var attributes = new List<AttributeDefinition>
        {
            StandardAttributes.All.First(a => a.Name == StandardAttributes.ProductCategories),
            StandardAttributes.All.First(a => a.Name == StandardAttributes.ProductVendors),
        };
        var ordinals = new List<int> { Array.IndexOf(columns, CategoryColumn), Array.IndexOf(columns, VendorColumn) };
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (i == productOrdinal || ordinals.Contains(i))
            {
                continue;
            }

            var name = AttributeNameFor(column);
            if (column.Length == 0 || attributes.Any(a => a.Name == name))
            {
                errors.Add(new ProductCatalogError(file, headerLine, column.Length == 0
                    ? $"column {i + 1} has no usable name (letters or digits); it is ignored"
                    : $"column {i + 1} '{column}' repeats attribute {name}; it is ignored"));
                continue;
            }

            attributes.Add(new AttributeDefinition(name, AttributeType.TextList, $"'{column}' values of the products bought, from the product catalog"));
            ordinals.Add(i);
        }

        // A missing category or vendor column has ordinal -1: an empty value for every product.
        return (attributes, ordinals);
    }

    private static string NormaliseColumn(string header)
    {
        var name = new StringBuilder();
        foreach (var c in header.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }

        return name.ToString().TrimEnd('_');
    }
}
