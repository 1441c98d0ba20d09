using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Segments.Bench.Delivery;

/// <summary>A Kestrel receiver on loopback that verifies each signature and counts the events of each new webhook-id.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HashSet<string> _seen = [];
    private long _events;
    private long _requests;

    private LoopbackReceiver(WebApplication app) => _app = app;

    public long Events => Interlocked.Read(ref _events);

    public long Requests => Interlocked.Read(ref _requests);

    public string Url => _app.Urls.First() + "/hook";

    public static async Task<LoopbackReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        var webhook = new StandardWebhook(secret);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver._requests);
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            webhook.Verify(body, request.Headers);
            using var batch = JsonDocument.Parse(body);
            lock (receiver._seen)
            {
                if (receiver._seen.Add(request.Headers["webhook-id"].ToString()))
                {
                    receiver._events += batch.RootElement.GetArrayLength();
                }
            }

            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
