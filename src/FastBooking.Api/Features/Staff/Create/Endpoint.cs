using FastBooking.Api.Common;
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
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateStaff(HttpContext.BusinessId(), req.Name!, HttpContext.IdempotencyKey()), ct)).ToHttp(StaffResponse.From));
}
