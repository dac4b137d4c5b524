using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;
using NodaTime;

namespace FastBooking.Application.Availability.Find;

/// <summary>Bookable slots of a service on business-local dates, for one staff member or anyone who performs it.</summary>
public sealed record FindAvailability(BusinessId Business, Guid ServiceId, Guid? StaffId, DateInterval Dates, ReadPath Path = ReadPath.Auto);

/// <summary>The read path's answer, ready to be scanned into whatever form the caller sends (<see cref="Openings.ScanInto"/>).</summary>
public sealed record AvailableSlots(Business Business, Service Service, Openings Openings, ReadPath ServedBy)
{
    public IReadOnlyList<Slot> Slots => Openings.ToList();
}
