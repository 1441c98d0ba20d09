extern alias functions;

using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>One function of the app as the Worker SDK indexes it: a public method carrying <see cref="FunctionAttribute"/>.</summary>
/// <param name="Name">The function's name (the attribute's).</param>
/// <param name="Method">The method.</param>
public sealed record FunctionMethod(string Name, MethodInfo Method)
{
    /// <summary>The app's assembly.</summary>
    public static Assembly AppAssembly { get; } = typeof(functions::Segments.Functions.Configuration.FunctionsServices).Assembly;

    /// <summary>Every function of the app, by name.</summary>
    public static IReadOnlyList<FunctionMethod> All { get; } = AppAssembly.GetExportedTypes()
        .Where(type => type.IsClass)
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Select(method => (Method: method, Attribute: method.GetCustomAttribute<FunctionAttribute>()))
        .Where(found => found.Attribute is not null)
        .Select(found => new FunctionMethod(found.Attribute!.Name, found.Method))
        .OrderBy(function => function.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The function called <paramref name="name"/>.</summary>
    public static FunctionMethod Named(string name) => All.Single(function => function.Name == name);

    /// <summary>The class the function lives in.</summary>
    public Type Class => Method.DeclaringType!;

    /// <summary>The parameter carrying the trigger binding.</summary>
    public ParameterInfo TriggerParameter => Method.GetParameters().Single(p => p.GetCustomAttributes().Any(a => a is TriggerBindingAttribute));

    /// <summary>The trigger attribute (e.g. <see cref="HttpTriggerAttribute"/>).</summary>
    public TriggerBindingAttribute Trigger => TriggerParameter.GetCustomAttributes().OfType<TriggerBindingAttribute>().Single();

    /// <inheritdoc />
    public override string ToString() => Name;
}
