using System.Text;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// The text encoding a file declares when it is not UTF-8 (blob metadata <c>encoding</c>, a mapping's
/// <c>encoding</c>): the framework's own encodings and the Windows code pages of
/// <see cref="CodePagesEncodingProvider"/> (in the framework since .NET Core 3.0, no package).
/// </summary>
public static class DeclaredEncoding
{
    /// <summary>
    /// The encoding named <paramref name="name"/>; null for none or UTF-8 (read as checked UTF-8). The reason
    /// instead when the name is not an encoding.
    /// </summary>
    public static (Encoding? Encoding, string? Problem) Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, null);
        }

        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name.Trim());
        if (encoding is null)
        {
            try
            {
                encoding = Encoding.GetEncoding(name.Trim());
            }
            catch (ArgumentException)
            {
                var shown = name.Length <= 40 ? name : string.Concat(name.AsSpan(0, 40), "…");
                return (null, $"unknown text encoding '{shown}' (declared for the file); use a name such as utf-8, windows-1252 or iso-8859-1");
            }
        }

        return encoding.CodePage == Encoding.UTF8.CodePage ? (null, null) : (encoding, null);
    }
}
