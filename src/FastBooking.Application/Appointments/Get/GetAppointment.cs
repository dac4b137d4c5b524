using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Appointments.Get;

public sealed record GetAppointment(BusinessId Business, Guid AppointmentId);

public sealed class GetAppointmentHandler(IAppointmentStore store, ISchedulingReader reader) : IHandler<GetAppointment, AppointmentAnswer>
{
    public async Task<Outcome<AppointmentAnswer>> HandleAsync(GetAppointment query, CancellationToken ct)
    {
        var appointment = await store.FindAsync(query.Business, query.AppointmentId, ct);
        if (appointment is null) return Error.NotFound("No such appointment.");
        var business = await reader.BusinessAsync(query.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        return new AppointmentAnswer(appointment, business.Zone);
    }
}
