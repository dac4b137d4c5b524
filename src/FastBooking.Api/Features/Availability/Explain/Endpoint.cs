using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Availability.Explain;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Availability.Explain;

/// <summary>Every reason one start is not bookable for one staff member, or none.</summary>
public sealed class Endpoint(IHandler<ExplainStart, Explanation> explain) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/availability/explain");
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<Response>(StatusCodes.Status200OK).Refuses(ErrorCode.NotFound), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Explain why a start is not bookable";
            s.Description = "Every reason one start is not bookable for one staff member and service, not only the first: `off_grid`, `lead_time`, `booking_window`, " +
                "`outside_working_hours`, `break`, `time_off`, `overlaps_appointment`, `held`, `service_not_offered`; none when it is bookable. " +
                "Computed from PostgreSQL and the live holds, independently of the read model.";
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.ServiceId, out var serviceId) && Guid.TryParse(req.StaffId, out var staffId)
            ? await explain.HandleAsync(new ExplainStart(HttpContext.BusinessId(), serviceId, staffId, ApiFormats.ParseInstant(req.Start!)), ct)
            : Error.NotFound("No such service or staff member.");
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
