using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Segments.Storage.Tests.Json;

/// <summary>
/// A JSON document for a type in which every property the reflection serializer knows has a value that is not its
/// default: strings with characters the default encoder escapes, numbers with fractions, two items per collection.
/// Built from the reflection serializer's own contract of the type (names as its options write them), so the
/// document covers each property even when the type changes.
/// </summary>
public static class JsonContractSample
{
    private const int MaxDepth = 8;

    /// <summary>The sample document for <paramref name="type"/> under <paramref name="reflectionOptions"/>.</summary>
    public static string For(Type type, JsonSerializerOptions reflectionOptions)
    {
        var json = new StringBuilder();
        Write(json, type, reflectionOptions, depth: 0, first: false);
        return json.ToString();
    }

    /// <summary>
    /// <paramref name="type"/> and every object type its contract reaches (property, element and value types), each
    /// once: the types whose absent properties must keep their defaults when read.
    /// </summary>
    public static IEnumerable<Type> ObjectTypesReachedFrom(Type type, JsonSerializerOptions reflectionOptions)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([type]);
        while (pending.TryPop(out var next))
        {
            next = Nullable.GetUnderlyingType(next) ?? next;
            if (!seen.Add(next))
            {
                continue;
            }

            var info = reflectionOptions.GetTypeInfo(next);
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                yield return next;
                foreach (var property in info.Properties)
                {
                    pending.Push(property.PropertyType);
                }
            }
            else if (info.ElementType is { } element)
            {
                pending.Push(element);
            }
        }
    }

    /// <summary>The types a source-generated context declares with <see cref="JsonSerializableAttribute"/>.</summary>
    public static IEnumerable<Type> DeclaredTypes(Type context) =>
        context.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);

    private static void Write(StringBuilder json, Type type, JsonSerializerOptions options, int depth, bool first)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when depth < MaxDepth:
                json.Append('{');
                foreach (var (property, index) in info.Properties.Select((p, i) => (p, i)))
                {
                    json.Append(index == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Write(json, property.PropertyType, options, depth + 1, first);
                }

                json.Append('}');
                break;
            case JsonTypeInfoKind.Object:
                json.Append("{}");
                break;
            case JsonTypeInfoKind.Enumerable when depth < MaxDepth:
                // Two items: one with the first value of each enum, one with the last (a computed property that looks
                // for a particular value, such as the popularity baseline of a recommender evaluation, finds it).
                json.Append('[');
                Write(json, info.ElementType!, options, depth + 1, first: true);
                json.Append(',');
                Write(json, info.ElementType!, options, depth + 1, first: false);
                json.Append(']');
                break;
            case JsonTypeInfoKind.Dictionary when depth < MaxDepth:
                json.Append('{').Append(Key(info.KeyType!, 1)).Append(':');
                Write(json, info.ElementType!, options, depth + 1, first: true);
                json.Append(',').Append(Key(info.KeyType!, 2)).Append(':');
                Write(json, info.ElementType!, options, depth + 1, first: false);
                json.Append('}');
                break;
            case JsonTypeInfoKind.Enumerable:
                json.Append("[]");
                break;
            case JsonTypeInfoKind.Dictionary:
                json.Append("{}");
                break;
            default:
                json.Append(Value(type, first));
                break;
        }
    }

    private static string Key(Type keyType, int n) => keyType == typeof(string)
        ? JsonSerializer.Serialize($"k{n} é<&>")
        : $"\"{n}\"";

    private static string Value(Type type, bool first)
    {
        if (type.IsEnum)
        {
            // An enum written as its name (a JsonStringEnumConverter on the type) is sampled by name, others by value.
            var values = Enum.GetValues(type).Cast<object>();
            var value = first ? values.First() : values.Last();
            return type.GetCustomAttribute<JsonConverterAttribute>() is not null
                ? JsonSerializer.Serialize(value.ToString())
                : Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        return type switch
        {
            _ when type == typeof(string) => JsonSerializer.Serialize("Café <b>&</b> \"quoted\" ✓"),
            _ when type == typeof(bool) => "true",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "7",
            _ when type == typeof(double) || type == typeof(float) => "0.1234567890123",
            _ when type == typeof(decimal) => "1234.5678",
            _ when type == typeof(DateOnly) => "\"2011-12-10\"",
            _ when type == typeof(DateTimeOffset) => "\"2011-12-10T08:30:15.123+01:00\"",
            _ when type == typeof(DateTime) => "\"2011-12-10T08:30:15.123Z\"",
            _ when type == typeof(TimeSpan) => "\"01:02:03\"",
            _ when type == typeof(Guid) => "\"6f1c2a8e-0d3b-4a7e-9f2a-1b2c3d4e5f60\"",
            _ => throw new NotSupportedException($"no sample value for {type}: add one here"),
        };
    }
}
