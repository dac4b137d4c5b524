using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.Appointments.List;

/// <summary>Appointments (confirmed and cancelled) starting on the given business-local dates, optionally of one staff member.</summary>
public sealed record ListAppointments(BusinessId Business, DateInterval Dates, Guid? StaffId, PageRequest Page);

public sealed record AppointmentList(Page<AppointmentRecord> Appointments, DateTimeZone Zone);

public sealed class ListAppointmentsHandler(IAppointmentStore store, ISchedulingReader reader) : IHandler<ListAppointments, AppointmentList>
{
    public async Task<Outcome<AppointmentList>> HandleAsync(ListAppointments query, CancellationToken ct)
    {
        var business = await reader.BusinessAsync(query.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        var starts = new Interval(LocalDay.Of(query.Dates.Start, business.Zone).Start, LocalDay.Of(query.Dates.End, business.Zone).End);
        return new AppointmentList(await store.ListAsync(query.Business, starts, query.StaffId, query.Page, ct), business.Zone);
    }
}
