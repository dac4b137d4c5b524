using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Staff.Create;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.Create;

public sealed class Endpoint(IHandler<CreateStaff, StaffMember> create) : Endpoint<Request, StaffResponse>
{
    public override void Configure()
    {
        Post("/staff");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<StaffResponse>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Add a staff member";
            s.Description = "Adds an active staff member with no working hours yet: they are bookable once they have working hours and perform a service.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = StaffResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateStaff(HttpContext.BusinessId(), req.Name!, HttpContext.IdempotencyKey()), ct)).ToHttp(StaffResponse.From));
}
