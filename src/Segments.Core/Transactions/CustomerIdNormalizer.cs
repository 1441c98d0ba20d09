namespace Segments.Core.Transactions;

/// <summary>
/// Makes the same customer look the same in every export.
/// </summary>
/// <remarks>
/// Rules: surrounding white space is trimmed; a numeric id written as a float with only zeros after the
/// point (<c>17850.0</c>, as pandas exports the UCI file) becomes the integer (<c>17850</c>).
/// Case is kept: shop platforms treat ids as case-sensitive, and folding would merge distinct customers.
/// </remarks>
public static class CustomerIdNormalizer
{
    /// <summary>Returns the normalised id, or an empty string when nothing is left.</summary>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        var id = raw.Trim();
        var point = id.IndexOf('.');
        if (point > 0 && IsDigits(id[..point]) && IsZeros(id[(point + 1)..]))
        {
            id = id[..point];
        }

        return id.ToString();
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsZeros(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept('0');
}
