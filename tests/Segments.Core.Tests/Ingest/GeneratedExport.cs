using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Segments.Core.Tests.Ingest;

/// <summary>One line of a generated export, as the shop meant it.</summary>
internal sealed record GeneratedLine(string CustomerId, string OrderId, DateOnly OrderDate, decimal Amount, string Product);

/// <summary>How a generated export is written: container, separator, line ends, byte order mark, date form.</summary>
internal sealed record ExportStyle(bool JsonLines, char Separator, string LineEnd, bool ByteOrderMark, DateStyle Dates, bool AmountsAsJsonStrings, bool Gzip, string Name);

/// <summary>The forms an order date is written in; each reads back as the same UTC date.</summary>
internal enum DateStyle
{
    IsoDate,
    IsoUtcTimestamp,
    IsoOffsetTimestamp,
    UsTimestamp,
}

/// <summary>
/// A random valid export in the generic layout (customer_id, order_id, order_date, amount, product): orders of
/// 1–5 lines, amounts in cents, dates 2000–2029, product names full of separators, quotes and line breaks.
/// </summary>
internal sealed record GeneratedExport(IReadOnlyList<GeneratedLine> Lines, ExportStyle Style)
{
    private static readonly string[] Customers = [.. Enumerable.Range(1, 20).Select(i => $"C-{i}"), "cust-AbC", "CUST-abc", "17850", "Müller-7"];

    private static readonly string[] Products =
        ["Mug", "Tea, green", "12\" vinyl", "Gift box\nwith ribbon", "Salt; pepper", "Tab\there", "Crème brûlée", "", "\"Quoted\"", "Line\r\nbreak", "{not json}"];

    private static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <summary>The bytes of the upload.</summary>
    public byte[] Bytes() => Style.Gzip ? ExportBytes.Gzip(ContentBytes()) : ContentBytes();

    /// <summary>The bytes of the upload before any compression.</summary>
    public byte[] ContentBytes() => ExportBytes.Utf8(Style.JsonLines ? JsonLinesText() : DelimitedText(), Style.ByteOrderMark);

    /// <summary>What FsCheck prints for a failing case: the style and the text as uploaded (before gzip).</summary>
    public override string ToString() => $"{Style}\n{(Style.JsonLines ? JsonLinesText() : DelimitedText())}";

    /// <summary>Exports of 1 to <paramref name="maxOrders"/> orders in every style of <paramref name="styles"/>.</summary>
    public static Gen<GeneratedExport> Generator(int maxOrders, Gen<ExportStyle> styles) =>
        from orderCount in Gen.Choose(1, maxOrders)
        from orders in Gen.ListOf(Order(), orderCount)
        from style in styles
        select new GeneratedExport(
            [.. orders.SelectMany((lines, index) => lines.Select(line => line with { OrderId = $"SO-{1000 + index}" }))],
            style);

    /// <summary>CSV-like styles: comma, semicolon or tab; LF or CRLF; with or without BOM; any date form.</summary>
    public static Gen<ExportStyle> DelimitedStyles(bool gzip) =>
        from separator in Gen.Elements(',', ';', '\t')
        from lineEnd in Gen.Elements("\n", "\r\n")
        from bom in Gen.Elements(false, true)
        from dates in Gen.Elements(Enum.GetValues<DateStyle>())
        select new ExportStyle(false, separator, lineEnd, bom, dates, false, gzip, gzip ? "orders.csv.gz" : "orders.csv");

    /// <summary>JSON Lines styles: amounts as numbers or strings; LF or CRLF; with or without BOM; any date form.</summary>
    public static Gen<ExportStyle> JsonLinesStyles(bool gzip) =>
        from lineEnd in Gen.Elements("\n", "\r\n")
        from bom in Gen.Elements(false, true)
        from dates in Gen.Elements(Enum.GetValues<DateStyle>())
        from amountsAsStrings in Gen.Elements(false, true)
        select new ExportStyle(true, ',', lineEnd, bom, dates, amountsAsStrings, gzip, gzip ? "orders.jsonl.gz" : "orders.jsonl");

    /// <summary>One order: one customer and date, 1–5 lines of −200.00 to 2,000.00 (order id set later).</summary>
    private static Gen<GeneratedLine[]> Order() =>
        from customer in Gen.Elements(Customers)
        from day in Gen.Choose(0, 10_956)
        from lineCount in Gen.Choose(1, 5)
        from cents in Gen.ListOf(Gen.Choose(-20_000, 200_000), lineCount)
        from products in Gen.ListOf(Gen.Elements(Products), lineCount)
        select cents.Select((c, i) => new GeneratedLine(customer, string.Empty, FirstDay.AddDays(day), c * 0.01m, products[i])).ToArray();

    private string DelimitedText()
    {
        var separator = Style.Separator.ToString();
        var text = new StringBuilder();
        text.Append(string.Join(separator, "customer_id", "order_id", "order_date", "amount", "product")).Append(Style.LineEnd);
        foreach (var line in Lines)
        {
            text.Append(string.Join(
                separator,
                Quote(line.CustomerId),
                Quote(line.OrderId),
                Quote(DateText(line.OrderDate)),
                line.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                Quote(line.Product))).Append(Style.LineEnd);
        }

        return text.ToString();
    }

    private string JsonLinesText()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("customer_id", line.CustomerId);
                json.WriteString("order_id", line.OrderId);
                json.WriteString("order_date", DateText(line.OrderDate));
                if (Style.AmountsAsJsonStrings)
                {
                    json.WriteString("amount", line.Amount.ToString("0.00", CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteNumber("amount", line.Amount);
                }

                json.WriteString("product", line.Product);
                json.WriteEndObject();
            }

            text.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append(Style.LineEnd);
        }

        return text.ToString();
    }

    /// <summary>RFC 4180 quoting for this file's separator (the product's own CsvField only knows commas).</summary>
    private string Quote(string value) =>
        value.AsSpan().IndexOfAny([Style.Separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>
    /// The date in this file's form, with a time of day derived from the date so that every form is exercised:
    /// an offset timestamp is noon UTC seen from an offset of −11 to +11 hours, so its UTC date is the date.
    /// </summary>
    private string DateText(DateOnly date)
    {
        var hour = date.DayNumber % 24;
        var minute = date.DayNumber % 60;
        return Style.Dates switch
        {
            DateStyle.IsoDate => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateStyle.IsoUtcTimestamp => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:00}:{minute:00}:00Z",
            DateStyle.IsoOffsetTimestamp => new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)
                .ToOffset(TimeSpan.FromHours((date.DayNumber % 23) - 11))
                .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{date.Month}/{date.Day}/{date.Year} {hour}:{minute:00}"),
        };
    }
}
