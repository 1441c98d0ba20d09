namespace Segments.Core.Products;

/// <summary>One problem in the product catalog file; the line (or the whole file, at line 1) is skipped.</summary>
/// <param name="File">File name as the store knows it, e.g. <c>config/products.csv</c>.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record ProductCatalogError(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} line {Line}: {Reason}";
}
