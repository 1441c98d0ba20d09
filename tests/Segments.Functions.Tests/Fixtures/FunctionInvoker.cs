using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// Invokes a function as the worker would: a scope per invocation, the class activated from it, the trigger's
/// value on the trigger parameter, other parameters bound by name from the binding data (route values, the
/// blob path's <c>{name}</c>), and the invocation's cancellation token.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    /// <summary>Runs <paramref name="function"/> to its end and returns what it returned (null for a Task).</summary>
    public async Task<object?> InvokeAsync(FunctionMethod function, object trigger, IReadOnlyDictionary<string, string>? bindingData = null, IServiceProvider? scope = null)
    {
        await using var ownScope = scope is null ? services.CreateAsyncScope() : (AsyncServiceScope?)null;
        var invocationServices = scope ?? ownScope!.Value.ServiceProvider;
        var instance = function.Method.IsStatic ? null : FunctionsApp.Activate(function.Class, invocationServices);
        var arguments = function.Method.GetParameters().Select(parameter => Bind(function, parameter, trigger, bindingData)).ToArray();
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                var result = task.GetType().GetProperty(nameof(Task<object>.Result));
                return task.GetType().IsGenericType ? result!.GetValue(task) : null;
            default:
                return returned;
        }
    }

    private static object? Bind(FunctionMethod function, ParameterInfo parameter, object trigger, IReadOnlyDictionary<string, string>? bindingData)
    {
        if (parameter.Position == function.TriggerParameter.Position)
        {
            return trigger;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (parameter.ParameterType == typeof(string) && bindingData is not null && bindingData.TryGetValue(parameter.Name!, out var value))
        {
            return value;
        }

        throw new InvalidOperationException($"{function.Name}: no value to bind to parameter '{parameter.Name}' ({parameter.ParameterType.Name}).");
    }
}
