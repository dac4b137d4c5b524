using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Api.Features.Services;

/// <summary>Reads and writes services of one business. Service changes need no outbox event: day bitmaps do not depend on them.</summary>
public sealed class ServiceStore(FastBookingDb db)
{
    public async Task<ServiceRow?> FindAsync(Guid businessId, string? id, CancellationToken ct) =>
        Guid.TryParse(id, out var serviceId)
            ? await db.Services.Include(s => s.Staff).FirstOrDefaultAsync(s => s.Id == serviceId && s.BusinessId == businessId && s.Active, ct)
            : null;

    /// <summary>Copies the request onto the row; a validation problem when a listed staff member is not the business's.</summary>
    public async Task<Problem?> ApplyAsync(Guid businessId, ServiceRow row, ServiceRequest req, CancellationToken ct)
    {
        var staffIds = req.Staff!.Select(s => Guid.Parse(s.StaffId!)).ToList();
        var known = await db.Staff.Where(s => s.BusinessId == businessId && s.Active && staffIds.Contains(s.Id)).CountAsync(ct);
        if (known != staffIds.Count) return Problem.Validation("staff", "every staff id must be an active staff member of this business");
        row.Name = req.Name!;
        row.DurationMinutes = req.DurationMinutes;
        row.BufferBeforeMinutes = req.BufferBeforeMinutes;
        row.BufferAfterMinutes = req.BufferAfterMinutes;
        row.Price = req.Price;
        row.Staff.Clear();
        row.Staff.AddRange(req.Staff!.Select(s => new ServiceStaffRow { ServiceId = row.Id, StaffId = Guid.Parse(s.StaffId!), DurationMinutes = s.DurationMinutes }));
        return null;
    }
}
