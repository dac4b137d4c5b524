using FastBooking.Application.Common;

namespace FastBooking.Infrastructure.Persistence;

public sealed class EngineHealth(FastBookingDb db) : IEngineHealth
{
    public Task<bool> DatabaseAnswersAsync(CancellationToken ct) => db.Database.CanConnectAsync(ct);
}
