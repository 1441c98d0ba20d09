using System.Text.Json;
using System.Text.RegularExpressions;

namespace Segments.Infra.Tests.Fixtures;

/// <summary>
/// One ARM template (the main one or a module's, nested in a <c>Microsoft.Resources/deployments</c>
/// resource), read without evaluating expressions beyond plain <c>[variables('name')]</c> references.
/// </summary>
public sealed partial class ArmTemplate(string name, JsonElement root)
{
    /// <summary>"main", or the module's deployment name.</summary>
    public string Name { get; } = name;

    /// <summary>The template object.</summary>
    public JsonElement Root { get; } = root;

    /// <summary>This template's own resources (array form, or the symbolic-name object form).</summary>
    public IReadOnlyList<JsonElement> Resources => Root.TryGetProperty("resources", out var resources)
        ? resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(p => p.Value).ToList()
        : [];

    /// <summary>This template's outputs.</summary>
    public IReadOnlyList<JsonProperty> Outputs => Root.TryGetProperty("outputs", out var outputs) ? outputs.EnumerateObject().ToList() : [];

    /// <summary>This template's parameters.</summary>
    public IReadOnlyList<JsonProperty> Parameters => Root.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateObject().ToList() : [];

    /// <summary>This template and every module template under it.</summary>
    public IEnumerable<ArmTemplate> SelfAndModules()
    {
        yield return this;
        foreach (var deployment in Resources.Where(r => IsType(r, "Microsoft.Resources/deployments")))
        {
            var module = new ArmTemplate(deployment.GetProperty("name").GetString()!, deployment.GetProperty("properties").GetProperty("template"));
            foreach (var template in module.SelfAndModules())
            {
                yield return template;
            }
        }
    }

    /// <summary>Every resource of this template and its modules, with the template that holds it.</summary>
    public IEnumerable<(ArmTemplate Template, JsonElement Resource)> AllResources() =>
        SelfAndModules().SelectMany(t => t.Resources.Select(r => (t, r)));

    /// <summary>Every resource of <paramref name="type"/> in this template and its modules.</summary>
    public IReadOnlyList<(ArmTemplate Template, JsonElement Resource)> OfType(string type) =>
        AllResources().Where(x => IsType(x.Resource, type)).ToList();

    /// <summary>The single resource of <paramref name="type"/> in this template and its modules.</summary>
    public (ArmTemplate Template, JsonElement Resource) Single(string type)
    {
        var found = OfType(type);
        Assert.True(found.Count == 1, $"Expected one {type}, found {found.Count}.");
        return found[0];
    }

    /// <summary>The module deployment resource named <paramref name="deploymentName"/> in this template.</summary>
    public JsonElement Deployment(string deploymentName) =>
        Resources.Single(r => IsType(r, "Microsoft.Resources/deployments") && r.GetProperty("name").GetString() == deploymentName);

    /// <summary>The value of variable <paramref name="variable"/>.</summary>
    public JsonElement Variable(string variable) => Root.GetProperty("variables").GetProperty(variable);

    /// <summary>A string, with a whole-string <c>[variables('name')]</c> reference replaced by that variable's string.</summary>
    public string Resolve(JsonElement value)
    {
        var text = value.GetString()!;
        var reference = VariableReference().Match(text);
        return reference.Success ? Resolve(Variable(reference.Groups[1].Value)) : text;
    }

    /// <summary>The strings of an array value, each resolved.</summary>
    public IReadOnlyList<string> ResolveArray(JsonElement array) => array.EnumerateArray().Select(Resolve).ToList();

    /// <summary>Whether <paramref name="resource"/> is of <paramref name="type"/> (case-insensitive, as ARM compares).</summary>
    public static bool IsType(JsonElement resource, string type) =>
        string.Equals(resource.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
