using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Segments.Functions.Tests.Fixtures;
using Segments.Pipeline.Api;
using Xunit.Abstractions;

namespace Segments.Functions.Tests.Configuration;

/// <summary>The services Program.cs registers give every function class what its constructor asks for.</summary>
public sealed class FunctionsServicesTests(ITestOutputHelper output)
{
    // Any connection string will do: creating the classes touches no storage.
    private const string UnusedStorage = "UseDevelopmentStorage=true";

    [Fact]
    public void Every_function_class_is_created_from_the_services_Program_registers()
    {
        using var app = new FunctionsApp(UnusedStorage);
        using var scope = app.Services.CreateScope();
        var classes = FunctionMethod.All.Select(f => f.Class).Distinct().ToList();
        output.WriteLine($"{FunctionMethod.All.Count} functions in {classes.Count} classes: {string.Join(", ", FunctionMethod.All)}");

        Assert.NotEmpty(classes);
        Assert.All(classes, type => Assert.IsType(type, FunctionsApp.Activate(type, scope.ServiceProvider)));
    }

    [Fact]
    public void The_app_has_a_blob_timer_queue_and_http_function_for_each_kind_of_trigger()
    {
        var triggers = FunctionMethod.All.Select(f => f.Trigger.GetType().Name).ToHashSet();

        Assert.Superset(new HashSet<string> { "BlobTriggerAttribute", "TimerTriggerAttribute", "QueueTriggerAttribute", "HttpTriggerAttribute" }, triggers);
        Assert.Equal(FunctionMethod.All.Count, FunctionMethod.All.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void A_function_whose_dependency_is_not_registered_cannot_be_created()
    {
        // What the first test guards against: drop one registration and the worker could not create GetRun.
        using var app = new FunctionsApp(UnusedStorage, services: services => services.RemoveAll<SegmentsApi>());
        using var scope = app.Services.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionsApp.Activate(FunctionMethod.Named("GetRun").Class, scope.ServiceProvider));
        Assert.Contains(nameof(SegmentsApi), error.Message, StringComparison.Ordinal);
    }
}
