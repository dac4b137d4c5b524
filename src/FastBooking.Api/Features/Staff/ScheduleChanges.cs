using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Infrastructure.Scheduling;
using NodaTime;

namespace FastBooking.Api.Features.Staff;

/// <summary>
/// The one way a staff member's schedule changes (hours, breaks, time off, overrides, deactivation): 404 for a staff
/// member who is not the business's; otherwise the change, its outbox event and one commit, then the read model is
/// brought in step before the answer (read-your-writes).
/// </summary>
public sealed class ScheduleChanges(FastBookingDb db, ReadModelSync sync, CatalogCache catalogs, IClock clock)
{
    /// <param name="change">Applies the change to the tracked context and returns the answer; a <see cref="Problem"/> rolls back.</param>
    public async Task<IResult> ApplyAsync(HttpContext http, string? staffId, Func<StaffRow, Task<IResult>> change, CancellationToken ct)
    {
        var businessId = http.BusinessId();
        var staff = await db.FindStaffAsync(businessId.Value, staffId, ct);
        if (staff is null) return Problem.NotFound("No such staff member.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var answer = await change(staff);
        if (answer is Problem) return answer;
        OutboxEvents.StaffScheduleChanged(db, businessId.Value, staff.Id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        catalogs.Forget(businessId); // a deactivated staff member leaves the services they performed
        await sync.StaffChangedAsync(businessId, staff.Id, CancellationToken.None); // committed: finish even if the caller left
        return answer;
    }
}
