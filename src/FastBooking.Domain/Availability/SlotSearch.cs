using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// One availability question: a service, the staff to consider (one, or every qualified one for "any"),
/// and an inclusive range of business-local dates.
/// </summary>
public sealed record SlotSearch(Business Business, Service Service, IReadOnlyList<StaffId> Staff, LocalDate From, LocalDate To)
{
    /// <summary>
    /// The local dates whose bitmaps the search reads: one either side of the range, since buffers can reach across midnight.
    /// </summary>
    public IEnumerable<LocalDate> DatesToRead()
    {
        for (var d = From.PlusDays(-1); d <= To.PlusDays(1); d = d.PlusDays(1))
            yield return d;
    }

    /// <summary>The staff asked for who perform the service, in id order.</summary>
    public IReadOnlyList<StaffId> QualifiedStaff() => Staff.Where(Service.IsPerformedBy).Distinct().Order().ToList();
}
