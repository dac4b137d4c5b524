using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Visits;
using NodaTime;

namespace FastBooking.Application.Availability.FindVisit;

/// <summary>Visit availability, from the same staff-days (Redis or PostgreSQL) as single-service availability.</summary>
public sealed class FindVisitAvailabilityHandler(ICatalogCache catalog, StaffDays staffDays, IClock clock) : IHandler<FindVisitAvailability, AvailableVisits>
{
    public async Task<Outcome<AvailableVisits>> HandleAsync(FindVisitAvailability query, CancellationToken ct)
    {
        Business? business = null;
        var items = new List<VisitItemSearch>(query.Items.Count);
        foreach (var item in query.Items)
        {
            var found = await catalog.ReadAsync(query.Business, item.ServiceId, item.StaffId, ct);
            if (found?.ServiceFor(item.StaffId) is not { } service) return Error.NotFound($"No such service {item.ServiceId} or staff member.");
            business = found.Business;
            items.Add(new VisitItemSearch(service, item.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList()));
        }
        var search = new VisitSearch(business!, items, query.SameStaff, query.Dates.Start, query.Dates.End);
        var staff = search.QualifiedStaff();
        var now = clock.GetCurrentInstant();
        if (items.Any(i => i.QualifiedStaff().Count == 0)) return new AvailableVisits(business!, search, [], query.Path);
        var days = await staffDays.ReadAsync(business!, search.Calendars(), search.DatesToRead().ToList(), query.Path, now, ct);
        return new AvailableVisits(business!, search, VisitFinder.Find(search, days.Bitmaps, days.Holds, now), days.ServedBy);
    }
}
