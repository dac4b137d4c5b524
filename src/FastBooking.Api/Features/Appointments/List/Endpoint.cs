using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.List;
using FastBooking.Application.Common;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Appointments.List;

/// <summary>Appointments (confirmed and cancelled) starting on the given business-local dates, in start order, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListAppointments, AppointmentList> list) : Endpoint<Request, PageResponse<AppointmentResponse>>
{
    public override void Configure()
    {
        Get("/appointments");
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<PageResponse<AppointmentResponse>>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List appointments";
            s.Description = "Appointments, confirmed and cancelled, starting on the business-local dates `from`–`to` (at most 92 days), of one staff member or of all, " +
                "in start order, a page at a time: up to `limit` (1–500, default 100) after the `next` token of the page before.";
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = new ListAppointments(HttpContext.BusinessId(), new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)),
            req.StaffId is null ? null : Guid.Parse(req.StaffId), req.Page);
        await Send.ResultAsync((await list.HandleAsync(query, ct)).ToHttp(found =>
            PageResponse<AppointmentResponse>.From(found.Appointments, a => AppointmentResponse.From(new AppointmentAnswer(a, found.Zone)))));
    }
}
