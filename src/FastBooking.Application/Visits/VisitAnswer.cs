using FastBooking.Application.Appointments;
using FastBooking.Application.Common;
using NodaTime;

namespace FastBooking.Application.Visits;

/// <summary>A visit: its appointments in start order, with the zone their times are shown in.</summary>
public sealed record VisitAnswer(Guid Id, IReadOnlyList<AppointmentRecord> Appointments, DateTimeZone Zone)
{
    public const int MaxItems = Domain.Visits.VisitSearch.MaxItems;

    public static readonly Error NotFound = Error.NotFound("No such visit.");

    /// <summary>The one item of the visit with <paramref name="id"/> replaced by its new state.</summary>
    public VisitAnswer With(AppointmentRecord changed) =>
        this with { Appointments = Appointments.Select(a => a.Id == changed.Id ? changed : a).ToList() };
}
