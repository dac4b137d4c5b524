using FastBooking.Api.Common;
using FastBooking.Application.Availability.Explain;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Availability.Explain;

/// <summary>Every reason one start is not bookable for one staff member, or none.</summary>
public sealed class Endpoint(IHandler<ExplainStart, Explanation> explain) : Endpoint<Request, Response>
{
    public override void Configure() => Get("/availability/explain");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.ServiceId, out var serviceId) && Guid.TryParse(req.StaffId, out var staffId)
            ? await explain.HandleAsync(new ExplainStart(HttpContext.BusinessId(), serviceId, staffId, ApiFormats.ParseInstant(req.Start!)), ct)
            : Error.NotFound("No such service or staff member.");
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
