using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FastBooking.Api.Tests.Webhooks;

/// <summary>
/// A webhook receiver on a loopback port of its own (a real Kestrel server): it records every request and answers as
/// <see cref="Answer"/> says for the n-th one (a status, or a delay past the engine's timeout).
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string EventId, string EventType, string Signature, string Body, int Number);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The answer to the n-th request (1-based): its status, after an optional delay.</summary>
    public Func<int, (int Status, TimeSpan Delay)> Answer { get; set; } = _ => (200, TimeSpan.Zero);

    public string Url { get; }

    private int _count;

    private LoopbackReceiver(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackReceiver? receiver = null;
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var number = Interlocked.Increment(ref receiver!._count);
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(http.Request.Headers["FastBooking-Event-Id"].ToString(),
                http.Request.Headers["FastBooking-Event-Type"].ToString(), http.Request.Headers["FastBooking-Signature"].ToString(), body, number));
            var (status, delay) = receiver.Answer(number);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, CancellationToken.None);
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new LoopbackReceiver(app, address + "/hooks");
        return receiver;
    }

    /// <summary>Whether the signature is the engine's HMAC-SHA256 over "t.body" with the secret, made within five minutes.</summary>
    public static bool SignatureIsValid(Received request, string secret, DateTimeOffset now)
    {
        var parts = request.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var t = long.Parse(parts["t"]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{request.Body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]))
            && Math.Abs(now.ToUnixTimeSeconds() - t) <= 300;
    }

    /// <summary>Waits until <paramref name="done"/> holds of what arrived, at most <paramref name="within"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<Received>, bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!done(Requests.ToList()))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"the receiver got {Requests.Count} requests: " + string.Join(", ", Requests.Select(r => r.EventId)));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
