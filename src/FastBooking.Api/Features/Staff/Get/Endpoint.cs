using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.Get;

public sealed class Request
{
    public string? Id { get; set; }
}

public sealed class Endpoint(FastBookingDb db) : Endpoint<Request, StaffResponse>
{
    public override void Configure() => Get("/staff/{id}");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var staff = await db.FindStaffAsync(HttpContext.BusinessId().Value, req.Id, ct);
        if (staff is null) await Send.ResultAsync(Problem.NotFound("No such staff member."));
        else await Send.OkAsync(StaffResponse.From(staff), ct);
    }
}
