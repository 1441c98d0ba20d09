using System.Globalization;
using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

/// <summary>An event line as comparable text: every field of the event (lists and properties included) or of the error.</summary>
internal static class EventLineProjection
{
    public static string Of(EventLine line) => line.Event is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"{line.Line}|{e.MessageId}|{e.UserId}|{e.AnonymousId}|{e.Kind}|{e.Timestamp:O}|{string.Join(',', e.ProductIds)}|{e.Value}|{e.Quantity}|{e.OrderId}|{e.Name}|{e.SourceDay}|{Properties(e)}")
        : $"{line.Line}|error|{line.Error!.Column}|{line.Error.Value}|{line.Error.Reason}";

    private static string Properties(BehaviourEvent e) =>
        e.Properties is null ? "-" : string.Join(';', e.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
