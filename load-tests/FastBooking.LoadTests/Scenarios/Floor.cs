using System.Net;
using System.Text;
using FastBooking.LoadTests.Run;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>
/// The machine's floor, measured the same way: a bare Kestrel in this process, on a free loopback port, answering
/// <c>GET /hello</c> ("hello") and <c>GET /fixed</c> (a fixed body of --fixed-bytes, 178 KB like a 7-day any-staff
/// availability answer), run open loop like the engine's series — generator and server on the same cores.
/// </summary>
public sealed class Floor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private Floor(WebApplication app, HttpClient http)
    {
        _app = app;
        _http = http;
    }

    public Scenario Scenario => new("floor", [new GetSeries("hello", _http, "hello", "/hello"), new GetSeries("fixed", _http, "fixed", "/fixed")]);

    public static async Task<Floor> StartAsync(Options options, Func<Uri, HttpClient> client)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var hello = "hello"u8.ToArray();
        var body = FixedBody(options.FixedBytes);
        app.Run(context => context.Request.Path.Value switch
        {
            "/hello" => Write(context, "text/plain", hello),
            "/fixed" => Write(context, "application/octet-stream", body),
            _ => Task.FromResult(context.Response.StatusCode = StatusCodes.Status404NotFound),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Floor(app, client(new Uri(address)));
    }

    private static Task Write(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>Slot-like JSON text repeated and cut to exactly the size asked for (not parsed by anyone).</summary>
    private static byte[] FixedBody(int bytes)
    {
        var text = new StringBuilder("[");
        while (text.Length < bytes) text.Append("{\"start\":\"2026-12-03T08:00:00+00:00\",\"end\":\"2026-12-03T08:30:00+00:00\"},");
        return Encoding.ASCII.GetBytes(text.ToString(0, bytes));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

}
