using FastBooking.Application.Availability;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using StackExchange.Redis;
using FastBooking.Application.Availability.Find;
using FastBooking.Application.Common;
using NodaTime;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// Helpers for the Redis read-model tests: both read paths side by side, holds over HTTP, the consistency check,
/// the projector's catch-up and a raw Redis connection for flushing.
/// </summary>
public static class ReadModelHelpers
{
    /// <summary>One availability answer of one read path, each slot rendered as "start/end/staff,…" (instants in UTC).</summary>
    public sealed record PathAnswer(ReadPath ServedBy, IReadOnlyList<string> Slots);

    /// <summary>Calls the availability use case directly, forcing <paramref name="path"/>.</summary>
    public static async Task<PathAnswer> FindAsync(this IServiceProvider services, SalonClient salon, string serviceId, string? staffId,
        string from, string to, ReadPath path)
    {
        await using var scope = services.CreateAsyncScope();
        var find = scope.ServiceProvider.GetRequiredService<IHandler<FindAvailability, AvailableSlots>>();
        var outcome = await find.HandleAsync(new FindAvailability(new BusinessId(Guid.Parse(salon.BusinessId)), Guid.Parse(serviceId),
            staffId is null ? null : Guid.Parse(staffId), new DateInterval(LocalDatePattern.Iso.Parse(from).Value, LocalDatePattern.Iso.Parse(to).Value),
            path), CancellationToken.None);
        var answer = Assert.IsType<Outcome<AvailableSlots>.Success>(outcome).Value;
        return new PathAnswer(answer.ServedBy, answer.Slots.Select(Render).ToList());
    }

    private static string Render(Slot s) => $"{s.Start}/{s.End}/{string.Join(",", s.StaffIds.Select(id => id.Value))}";

    /// <summary>The Redis answer must equal the PostgreSQL answer exactly, and really come from Redis.</summary>
    public static async Task<PathAnswer> AssertPathsAgreeAsync(this IServiceProvider services, SalonClient salon, string serviceId,
        string? staffId, string from, string to, string context = "")
    {
        var redis = await services.FindAsync(salon, serviceId, staffId, from, to, ReadPath.Redis);
        var postgres = await services.FindAsync(salon, serviceId, staffId, from, to, ReadPath.Postgres);
        Assert.True(redis.ServedBy == ReadPath.Redis, $"{context}: the Redis read fell back to {redis.ServedBy}");
        Assert.True(postgres.ServedBy == ReadPath.Postgres, $"{context}: the PostgreSQL read was served by {postgres.ServedBy}");
        if (!redis.Slots.SequenceEqual(postgres.Slots))
            Assert.Fail($"{context}: Redis and PostgreSQL disagree for service {serviceId}, staff {staffId ?? "any"}\n" +
                        $"only in Redis: {Some(redis.Slots.Except(postgres.Slots))}\n" +
                        $"only in PostgreSQL: {Some(postgres.Slots.Except(redis.Slots))}");
        return postgres;
    }

    private static string Some(IEnumerable<string> slots)
    {
        var all = slots.ToList();
        return all.Count <= 8 ? string.Join(" ", all) : $"{string.Join(" ", all.Take(8))} … ({all.Count} in all)";
    }

    /// <summary>GET /v1/availability with a forced source: the raw body and the X-Served-By header.</summary>
    public static async Task<(string Body, string? ServedBy)> AvailabilityBodyAsync(this SalonClient salon, string serviceId, string? staffId,
        string from, string to, string? source = null)
    {
        var query = $"/v1/availability?serviceId={serviceId}&from={from}&to={to}" +
                    (staffId is null ? "" : $"&staffId={staffId}") + (source is null ? "" : $"&source={source}");
        var response = await SalonClient.Ok(salon.Http.GetAsync(query));
        return (await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : null);
    }

    /// <summary>GET /v1/read-model/check for the salon and the dates.</summary>
    public static async Task<JsonNode> CheckAsync(this SalonClient salon, string from, string to) =>
        await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/read-model/check?from={from}&to={to}")));

    /// <summary>Asserts the consistency check finds no difference (and that Redis answered it).</summary>
    public static async Task AssertConsistentAsync(this SalonClient salon, string from, string to, string context = "")
    {
        var report = await salon.CheckAsync(from, to);
        Assert.True(report["consistent"]!.GetValue<bool>(), $"{context}: the consistency check reports {report.ToJsonString()}");
    }

    public static Task<HttpResponseMessage> HoldAsync(this SalonClient salon, string serviceId, string? staffId, string start) =>
        salon.Http.PostAsJsonAsync("/v1/holds", new { serviceId, staffId, start });

    /// <summary>Places a hold and returns its JSON, failing the test when it is refused.</summary>
    public static async Task<JsonNode> HeldAsync(this SalonClient salon, string serviceId, string? staffId, string start)
    {
        var response = await salon.HoldAsync(serviceId, staffId, start);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"hold at {start}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>
    /// A held range refuses every booking without its token — of the held start, of an overlapping one, and of "any
    /// staff" — with 409 <c>hold_conflict</c>, and nothing is booked.
    /// </summary>
    public static async Task AssertHeldAgainstBookingsAsync(this SalonClient salon, string serviceId, string staffId, string heldStart, string overlappingStart)
    {
        var same = await salon.BookAsync(serviceId, staffId, heldStart);
        var overlapping = await salon.BookAsync(serviceId, staffId, overlappingStart);
        var any = await salon.BookAsync(serviceId, null, heldStart);

        await SalonClient.AssertProblem(same, HttpStatusCode.Conflict, "hold_conflict");
        await SalonClient.AssertProblem(overlapping, HttpStatusCode.Conflict, "hold_conflict");
        await SalonClient.AssertProblem(any, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }

    public static Task<HttpResponseMessage> ReleaseHoldAsync(this SalonClient salon, string token) =>
        salon.Http.DeleteAsync($"/v1/holds/{token}");

    public static Task<HttpResponseMessage> BookWithHoldAsync(this SalonClient salon, string serviceId, string? staffId, string start, string holdToken) =>
        salon.Http.PostAsJsonAsync("/v1/appointments", new { serviceId, staffId, start, holdToken, customer = new { name = "Holder" } });

    /// <summary>A service with per-staff durations (null: the service's own).</summary>
    public static async Task<string> AddServiceAsync(this SalonClient salon, string name, int minutes, int before, int after,
        params (string StaffId, int? Minutes)[] staff)
    {
        var created = await SalonClient.Json(await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name, durationMinutes = minutes, bufferBeforeMinutes = before, bufferAfterMinutes = after,
            staff = staff.Select(s => new { staffId = s.StaffId, durationMinutes = s.Minutes }),
        })));
        return created["id"]!.GetValue<string>();
    }

    /// <summary>The default rules but for how long holds last.</summary>
    public static object Rules(int holdTtlSeconds) => new
    {
        slotIntervalMinutes = 15, leadTimeMinutes = 60, bookingWindowDays = 60, cancellationCutoffMinutes = 1440,
        rescheduleCutoffMinutes = 1440, holdTtlSeconds,
    };

    public static async Task PutRulesAsync(this SalonClient salon, int holdTtlSeconds = 300) =>
        await SalonClient.Ok(salon.Http.PutAsJsonAsync("/v1/business/rules", Rules(holdTtlSeconds)));

    /// <summary>
    /// Passes of the outbox projector (rebuilding everything when Redis lost its state) until it declares Redis current,
    /// as every instance then reads it; the read model is usable afterwards.
    /// </summary>
    public static async Task CatchUpAsync(this ApiFactory api)
    {
        var projector = api.Services.GetRequiredService<OutboxProjector>();
        var readiness = api.Services.GetRequiredService<ReadinessMonitor>();
        // A pass applies at most one batch of outbox rows and declares Redis current only once it has applied the last of them.
        var current = false;
        for (var pass = 0; pass < 20 && !current; pass++)
        {
            await projector.CatchUpAsync(CancellationToken.None);
            current = (await readiness.RefreshAsync()).Current;
        }
        Assert.True(current, "Redis is not current after the projector caught up");
    }

    public static RedisKey StateKey(this ApiFactory api) => api.Services.GetRequiredService<ProjectorStatusStore>().StateKey;

    /// <summary>
    /// A connection of the test's own to the test Redis (FASTBOOKING_TEST_REDIS: one server, or a cluster's seed nodes),
    /// allowed to run admin commands (FLUSHDB, SCAN per node).
    /// </summary>
    public static Task<ConnectionMultiplexer> ConnectRedisAsync() =>
        ConnectionMultiplexer.ConnectAsync($"{ApiFactory.RedisConnectionString},allowAdmin=true");

    /// <summary>Whether the test Redis is a Redis Cluster.</summary>
    public static bool IsCluster(this ConnectionMultiplexer redis) => redis.GetServers().Any(s => s.ServerType == ServerType.Cluster);

    /// <summary>
    /// The masters of the test Redis: the one server, or every master of a cluster (a replica cannot be flushed and
    /// holds only copies). Fails when one is not connected, so that a flush or scan cannot silently miss a node.
    /// </summary>
    public static IReadOnlyList<IServer> Masters(this ConnectionMultiplexer redis)
    {
        var masters = redis.GetServers().Where(s => !s.IsReplica).ToList();
        Assert.NotEmpty(masters);
        Assert.All(masters, s => Assert.True(s.IsConnected, $"Redis master {s.EndPoint} is not connected"));
        return masters;
    }

    /// <summary>
    /// Lets the outbox projector of every running host finish applying what is pending, so that a loss a test causes
    /// next is not half undone by a pass already under way (re-projecting some of the lost days). A pass finds nothing
    /// to write once it has caught up.
    /// </summary>
    private static async Task QuiesceProjectorsAsync()
    {
        foreach (var api in ApiFactory.Running)
            await api.Services.GetRequiredService<OutboxProjector>().CatchUpAsync(CancellationToken.None);
    }

    /// <summary>Empties the test Redis: FLUSHDB on every master at once (a cluster's flush is one per master).</summary>
    public static async Task FlushRedisAsync(this ConnectionMultiplexer redis)
    {
        await QuiesceProjectorsAsync();
        var database = redis.GetDatabase().Database;
        await Task.WhenAll(redis.Masters().Select(server => server.FlushDatabaseAsync(database)));
    }

    /// <summary>
    /// Deletes every key of one business (its bitmaps, versions and holds), as if Redis had lost them. SCAN runs per
    /// master (on a cluster the business's hash tag puts all of them on one), the deletes go wherever the key lives.
    /// </summary>
    public static async Task DeleteBusinessKeysAsync(this ConnectionMultiplexer redis, string businessId)
    {
        await QuiesceProjectorsAsync();
        var db = redis.GetDatabase();
        var pattern = RedisKeys.Pattern(new BusinessId(Guid.Parse(businessId)));
        foreach (var server in redis.Masters())
        {
            var keys = new List<RedisKey>();
            await foreach (var key in server.KeysAsync(db.Database, pattern, pageSize: 1000)) keys.Add(key);
            // One DEL for all of them is legal on a cluster too: they share the business's hash slot.
            if (keys.Count > 0) await db.KeyDeleteAsync(keys.ToArray());
        }
    }
}
