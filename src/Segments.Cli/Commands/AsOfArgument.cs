using System.Globalization;

namespace Segments.Cli.Commands;

/// <summary>The <c>--as-of</c> date the commands that score share.</summary>
internal static class AsOfArgument
{
    /// <summary>The date, null when absent, or the message for a value that is not yyyy-MM-dd.</summary>
    public static (DateOnly? AsOf, string? Problem) Parse(string? text) =>
        text is null
            ? (null, null)
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (date, null)
                : (null, $"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
}
