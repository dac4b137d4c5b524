using FastBooking.Api.Common;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.List;
using FastBooking.Application.Common;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Appointments.List;

/// <summary>Appointments (confirmed and cancelled) starting on the given business-local dates, in start order, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListAppointments, AppointmentList> list) : Endpoint<Request, PageResponse<AppointmentResponse>>
{
    public override void Configure() => Get("/appointments");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = new ListAppointments(HttpContext.BusinessId(), new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)),
            req.StaffId is null ? null : Guid.Parse(req.StaffId), req.Page);
        await Send.ResultAsync((await list.HandleAsync(query, ct)).ToHttp(found =>
            PageResponse<AppointmentResponse>.From(found.Appointments, a => AppointmentResponse.From(new AppointmentAnswer(a, found.Zone)))));
    }
}
