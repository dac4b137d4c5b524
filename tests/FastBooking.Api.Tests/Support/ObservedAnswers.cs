using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// Every (method, route, status) the engine answered in this test run, on every host the suite starts: the contract
/// test holds the published OpenAPI document to what the HTTP tests really saw.
/// </summary>
public static class ObservedAnswers
{
    private static readonly ConcurrentDictionary<(string Method, string Route, int Status), byte> Seen = new();

    public static IReadOnlyCollection<(string Method, string Route, int Status)> All => Seen.Keys.ToList();

    public static IServiceCollection AddObservedAnswers(this IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, Recorder>();

    /// <summary>Outermost, so it sees the status as sent (after error pages and status pages).</summary>
    private sealed class Recorder : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, call) =>
            {
                try
                {
                    await call(http);
                }
                finally
                {
                    // Requests that matched no route (404s of unknown paths) belong to no operation.
                    if (http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                        Seen.TryAdd((http.Request.Method, "/" + route.TrimStart('/'), http.Response.StatusCode), 0);
                }
            });
            next(app);
        };
    }
}
