using FastBooking.Application.Common;

namespace FastBooking.Api.Common;

public static class HealthChecks
{
    /// <summary>Ready when PostgreSQL, the source of truth, answers.</summary>
    public static async Task<IResult> ReadyAsync(IEngineHealth health, CancellationToken ct) =>
        await health.DatabaseAnswersAsync(ct)
            ? Results.Ok(new { status = "ready" })
            : new Problem(ErrorCode.NotReady, "PostgreSQL is not reachable.");
}
