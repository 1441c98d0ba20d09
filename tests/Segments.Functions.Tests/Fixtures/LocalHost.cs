using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// The local host in-process (<see cref="SegmentsHostFactory"/>) on the same Azurite, serving reads only: its
/// blob, timer and queue listeners and its stranded-run watch are removed, so that it neither ingests again what
/// the functions ingested nor executes or settles the runs they queued, and both hosts answer from exactly the same data.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly SegmentsHostFactory _factory;
    private readonly WebApplicationFactory<Program> _readOnly;
    private readonly HttpClient _http;

    /// <summary>Starts the host on <paramref name="connectionString"/>.</summary>
    public LocalHost(string connectionString)
    {
        _factory = new SegmentsHostFactory(connectionString);
        _readOnly = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var triggers = services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Namespace == "Segments.Host.Triggers").ToList();
            Assert.Equal(6, triggers.Count); // blob, timer, run-request, delivery and bucket-work listeners, and the stranded-run watch
            triggers.ForEach(trigger => services.Remove(trigger));
        }));
        _http = _readOnly.CreateClient();
    }

    /// <summary>Sends <paramref name="request"/> with the key the function's level takes, as a client of the runtime would.</summary>
    public async Task<ApiAnswer> SendAsync(ApiRequest request, AuthorizationLevel level)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        var key = level switch
        {
            AuthorizationLevel.Admin => SegmentsHostFactory.AdminKey,
            AuthorizationLevel.Anonymous => null,
            _ => SegmentsHostFactory.FunctionKey,
        };
        if (key is not null)
        {
            message.Headers.Add("x-functions-key", key);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(message);
        var headers = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiAnswer((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _readOnly.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
