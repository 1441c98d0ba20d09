using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// Sends an <see cref="ApiRequest"/> to the Functions app in-process, as the worker's ASP.NET Core integration
/// hands it over: the function whose route template and method match, an <see cref="HttpRequest"/> of a
/// <see cref="DefaultHttpContext"/> whose services are the invocation's scope, route values bound to the
/// method's parameters by name; the returned <see cref="IActionResult"/> is executed into the response.
/// </summary>
public sealed class FunctionsHttp(IServiceProvider services)
{
    /// <summary>Every HTTP-triggered function of the app.</summary>
    public static IReadOnlyList<FunctionMethod> Functions { get; } = FunctionMethod.All.Where(f => f.Trigger is HttpTriggerAttribute).ToList();

    /// <summary>The function that serves <paramref name="request"/> and its route values, or null when no route matches.</summary>
    public static (FunctionMethod Function, Dictionary<string, string> RouteValues)? Route(ApiRequest request) =>
        Functions
            .Select(function => (Function: function, Trigger: (HttpTriggerAttribute)function.Trigger))
            .Where(f => f.Trigger.Methods?.Contains(request.Method, StringComparer.OrdinalIgnoreCase) == true)
            .Select(f => (f.Function, Template: f.Trigger.Route ?? f.Function.Name, Values: RouteTemplate.Match(f.Trigger.Route ?? f.Function.Name, request.Path)))
            .Where(f => f.Values is not null)
            .OrderByDescending(f => RouteTemplate.Literals(f.Template))
            .Select(f => ((FunctionMethod Function, Dictionary<string, string> RouteValues)?)(f.Function, f.Values!))
            .FirstOrDefault();

    /// <summary>The key level the runtime checks before the function runs.</summary>
    public static AuthorizationLevel LevelOf(FunctionMethod function) => ((HttpTriggerAttribute)function.Trigger).AuthLevel;

    /// <summary>Invokes the function that serves <paramref name="request"/> and returns what a client would receive.</summary>
    public async Task<ApiAnswer> SendAsync(ApiRequest request)
    {
        var (function, routeValues) = Route(request) ?? throw new InvalidOperationException($"No HTTP function serves {request}.");
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = request.Method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = PathString.FromUriComponent(request.Path);
        context.Request.QueryString = new QueryString(request.Query);
        foreach (var (name, value) in request.Headers)
        {
            context.Request.Headers[name] = value;
        }

        var body = System.Text.Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        foreach (var (name, value) in routeValues)
        {
            context.Request.RouteValues[name] = value;
        }

        using var response = new MemoryStream();
        context.Response.Body = response;

        var returned = await new FunctionInvoker(services).InvokeAsync(function, context.Request, routeValues, scope.ServiceProvider);
        var result = returned as IActionResult ?? throw new InvalidOperationException($"{function.Name} returned {returned?.GetType().Name ?? "null"}, not an IActionResult.");
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(context.Request.RouteValues), new ActionDescriptor()));

        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new ApiAnswer(context.Response.StatusCode, headers, response.ToArray());
    }
}
