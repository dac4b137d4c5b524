using FastBooking.Application.Common;
using FastBooking.Infrastructure.Persistence;

namespace FastBooking.Api.Common;

public static class HealthChecks
{
    /// <summary>Ready when PostgreSQL, the source of truth, answers.</summary>
    public static async Task<IResult> ReadyAsync(FastBookingDb db, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct)
            ? Results.Ok(new { status = "ready" })
            : new Problem(ErrorCode.NotReady, "PostgreSQL is not reachable.");
}
