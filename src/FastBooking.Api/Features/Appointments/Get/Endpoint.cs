using FastBooking.Api.Common;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Get;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Appointments.Get;

public sealed class Endpoint(IHandler<GetAppointment, AppointmentAnswer> get) : Endpoint<Request, AppointmentResponse>
{
    public override void Configure() => Get("/appointments/{id}");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await get.HandleAsync(new GetAppointment(HttpContext.BusinessId(), id), ct)
            : Error.NotFound("No such appointment.");
        await Send.ResultAsync(outcome.ToHttp(AppointmentResponse.From, AppointmentResponse.Headers));
    }
}
