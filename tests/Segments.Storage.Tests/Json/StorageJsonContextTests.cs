using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Segments.Storage.State;

namespace Segments.Storage.Tests.Json;

/// <summary>
/// The stores' source-generated JSON contexts write and read every stored format exactly as the reflection
/// serializer with the same options did before them: the ledgers' and generation rows' JSON columns, the queue
/// messages and the run blobs are contracts with rows already stored.
/// </summary>
public class StorageJsonContextTests
{
    public static TheoryData<string, string> DeclaredTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (context, _) in Contexts.Values)
        {
            foreach (var type in JsonContractSample.DeclaredTypes(context.GetType()))
            {
                data.Add(context.GetType().Name, type.FullName!);
            }
        }

        return data;
    }

    private static Dictionary<string, (JsonSerializerContext Context, JsonSerializerOptions Reflection)> Contexts { get; } = new()
    {
        [nameof(StorageJsonContext)] = (StorageJsonContext.Default, Reflection(new JsonSerializerOptions())),
        [nameof(StorageWebJsonContext)] = (StorageWebJsonContext.Default, Reflection(new JsonSerializerOptions(JsonSerializerDefaults.Web))),
        [nameof(StateJsonContext)] = (StateJsonContext.Default, Reflection(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true })),
    };

    [Theory]
    [MemberData(nameof(DeclaredTypes))]
    public void A_value_with_every_property_set_is_written_byte_for_byte_as_before(string context, string typeName)
    {
        var (generated, reflection, type) = Resolve(context, typeName);
        var value = JsonSerializer.Deserialize(JsonContractSample.For(type, reflection), type, reflection);

        Assert.Equal(JsonSerializer.Serialize(value, type, reflection), JsonSerializer.Serialize(value, generated));
    }

    [Theory]
    [MemberData(nameof(DeclaredTypes))]
    public void A_document_with_every_property_set_is_read_as_before(string context, string typeName)
    {
        var (generated, reflection, type) = Resolve(context, typeName);
        var sample = JsonContractSample.For(type, reflection);

        var before = JsonSerializer.Deserialize(sample, type, reflection);
        var after = JsonSerializer.Deserialize(sample, generated);

        Assert.Equal(JsonSerializer.Serialize(before, type, reflection), JsonSerializer.Serialize(after, type, reflection));
    }

    [Theory]
    [MemberData(nameof(DeclaredTypes))]
    public void A_document_without_properties_reads_as_before_so_rows_from_older_versions_keep_their_defaults(string context, string typeName)
    {
        var (generated, reflection, declared) = Resolve(context, typeName);
        var objectTypes = JsonContractSample.ObjectTypesReachedFrom(declared, reflection).ToList();

        Assert.All(objectTypes, type =>
        {
            var before = Outcome(() => JsonSerializer.Deserialize("{}", type, reflection), type, reflection);
            var after = Outcome(() => JsonSerializer.Deserialize("{}", generated.Options.GetTypeInfo(type)), type, reflection);

            // Both reject a document without a required property (with the same message) or both read the same value.
            Assert.Equal((type.Name, before), (type.Name, after));
        });
    }

    [Fact]
    public void Every_context_declares_types()
    {
        Assert.All(Contexts.Values, c => Assert.NotEmpty(JsonContractSample.DeclaredTypes(c.Context.GetType())));
    }

    // What reading gave, written back with the reflection serializer, or the error reading or writing it met.
    private static string Outcome(Func<object?> read, Type type, JsonSerializerOptions reflection)
    {
        object? value;
        try
        {
            value = read();
        }
        catch (JsonException ex)
        {
            return "read failed: " + ex.Message;
        }

        try
        {
            return JsonSerializer.Serialize(value, type, reflection);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            // A computed property over a collection the document left out: both sides must fail alike.
            return "write failed: " + ex.GetType().Name;
        }
    }

    private static (JsonTypeInfo Generated, JsonSerializerOptions Reflection, Type Type) Resolve(string context, string typeName)
    {
        var (generated, reflection) = Contexts[context];
        var type = JsonContractSample.DeclaredTypes(generated.GetType()).Single(t => t.FullName == typeName);
        return (generated.GetTypeInfo(type) ?? throw new InvalidOperationException($"{context} has no contract for {typeName}"), reflection, type);
    }

    private static JsonSerializerOptions Reflection(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
