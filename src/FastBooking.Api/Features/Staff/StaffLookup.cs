using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Api.Features.Staff;

public static class StaffLookup
{
    /// <summary>An active staff member of the business, tracked; null for a malformed, unknown or another business's id.</summary>
    public static async Task<StaffRow?> FindStaffAsync(this FastBookingDb db, Guid businessId, string? id, CancellationToken ct) =>
        Guid.TryParse(id, out var staffId)
            ? await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.BusinessId == businessId && s.Active, ct)
            : null;
}
