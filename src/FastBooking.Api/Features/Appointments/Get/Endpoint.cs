using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Get;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Appointments.Get;

public sealed class Endpoint(IHandler<GetAppointment, AppointmentAnswer> get) : Endpoint<Request, AppointmentResponse>
{
    public override void Configure()
    {
        Get("/appointments/{id}");
        Description(d => d.Answers<AppointmentResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Get an appointment";
            s.Description = "An appointment of the business, confirmed or cancelled, times in the business's zone; its `version` is the `ETag` to send as `If-Match` on cancel or reschedule.";
            s.ResponseExamples[StatusCodes.Status200OK] = AppointmentResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await get.HandleAsync(new GetAppointment(HttpContext.BusinessId(), id), ct)
            : Error.NotFound("No such appointment.");
        await Send.ResultAsync(outcome.ToHttp(AppointmentResponse.From, AppointmentResponse.Headers));
    }
}
