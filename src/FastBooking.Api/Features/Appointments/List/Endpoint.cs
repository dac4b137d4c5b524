using FastBooking.Api.Common;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.List;
using FastBooking.Application.Common;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Appointments.List;

/// <summary>Appointments (confirmed and cancelled) starting on the given business-local dates, in start order.</summary>
public sealed class Endpoint(IHandler<ListAppointments, AppointmentList> list) : Endpoint<Request, List<AppointmentResponse>>
{
    public override void Configure() => Get("/appointments");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = new ListAppointments(HttpContext.BusinessId(),
            new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)), req.StaffId is null ? null : Guid.Parse(req.StaffId));
        await Send.ResultAsync((await list.HandleAsync(query, ct)).ToHttp(found =>
            found.Appointments.Select(a => AppointmentResponse.From(new AppointmentAnswer(a, found.Zone))).ToList()));
    }
}
