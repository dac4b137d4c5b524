using FastBooking.Application.Common;
using FastBooking.Application.ReadModel;

namespace FastBooking.Api.Common;

public static class HealthChecks
{
    /// <summary>
    /// Ready when PostgreSQL, the source of truth, answers; the read model's state and the webhook backlog are
    /// reported, not required: without Redis the engine answers from PostgreSQL.
    /// </summary>
    public static async Task<IResult> ReadyAsync(IEngineHealth health, IReadModel readModel, CancellationToken ct) =>
        await health.CheckAsync(ct) is { } webhooks
            ? Results.Ok(new
            {
                status = "ready", readModel = Describe(readModel.Status),
                webhooks = new { pending = webhooks.Pending, failed = webhooks.Failed, disabledEndpoints = webhooks.DisabledEndpoints },
            })
            : new Problem(ErrorCode.NotReady, "PostgreSQL is not reachable.");

    private static object Describe(ReadModelStatus s) => new
    {
        current = s.Current && s.Leader is not null,
        redisAnswers = s.RedisAnswered,
        leader = s.Leader,
        rebuilding = s.Rebuilding,
        position = s.Position,
        head = s.Head,
        lag = s.Lag,
        parked = s.Parked,
        degraded = s.Degraded.Count,
    };
}
