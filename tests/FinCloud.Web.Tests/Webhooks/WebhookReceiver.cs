using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FinCloud.Web.Tests.Webhooks;

/// <summary>A real HTTP receiver on a free loopback port: records each request and answers with the next status given.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(string? Id, string? Timestamp, string? Signature, string? ContentType, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);

        public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Answered when no status is queued.</summary>
    public int DefaultStatus { get; set; } = 204;

    public string Url { get; private set; } = "";

    public void Answer(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _statuses.Enqueue(s);
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/fincloud", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var h = context.Request.Headers;
            receiver.Requests.Enqueue(new Received(h["webhook-id"], h["webhook-timestamp"], h["webhook-signature"], context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = receiver._statuses.TryDequeue(out var status) ? status : receiver.DefaultStatus;
        });
        await app.StartAsync();
        receiver.Url = app.Urls.First() + "/hooks/fincloud";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
