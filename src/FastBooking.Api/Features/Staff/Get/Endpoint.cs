using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Staff.Get;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.Get;

public sealed class Endpoint(IHandler<GetStaff, StaffMember> get) : Endpoint<Request, StaffResponse>
{
    public override void Configure()
    {
        Get("/staff/{id}");
        Description(d => d.Answers<StaffResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Get a staff member";
            s.Description = "An active staff member of the business; a deactivated one is not found.";
            s.ResponseExamples[StatusCodes.Status200OK] = StaffResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await get.HandleAsync(new GetStaff(HttpContext.BusinessId(), id), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(StaffResponse.From));
    }
}
