using FastBooking.Application.Common;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Application.Availability.Find;

/// <summary>
/// Availability, read from the Redis bitmaps when the read model is usable, else computed from PostgreSQL (the direct
/// path); both scan with the same domain code, with the same live holds.
/// </summary>
public sealed class FindAvailabilityHandler(ICatalogCache catalog, StaffDays staffDays, IClock clock) : IHandler<FindAvailability, AvailableSlots>
{
    public async Task<Outcome<AvailableSlots>> HandleAsync(FindAvailability query, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(query.Business, query.ServiceId, query.StaffId, ct);
        if (found?.ServiceFor(query.StaffId) is not { } service) return Error.NotFound("No such service or staff member.");
        var business = found.Business;

        var search = new SlotSearch(business, service, query.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList(), query.Dates.Start, query.Dates.End);
        var staff = search.QualifiedStaff();
        var now = clock.GetCurrentInstant();
        if (staff.Count == 0) return new AvailableSlots(business, service, Openings.None(search, now), query.Path);
        var days = await staffDays.ReadAsync(business, service.CalendarsOf(staff), search.DatesToRead().ToList(), query.Path, now, ct);
        return new AvailableSlots(business, service, new Openings(search, days.Bitmaps, days.Holds, now), days.ServedBy);
    }
}
