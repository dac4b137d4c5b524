using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Application.Catalog.Businesses.Create;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Businesses.Create;

/// <summary>Creates a business; platform admins only (X-Admin-Key).</summary>
public sealed class Endpoint(IHandler<CreateBusiness, CreatedBusiness> create, AdminKey adminKey) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/businesses");
        AllowAnonymous();
        // The admin key is checked before anything about the body is revealed.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!adminKey.Accepts(HttpContext))
        {
            await Send.ResultAsync(new Problem(ErrorCode.Unauthorized, $"Creating a business needs the platform admin key in {AdminKey.Header}."));
            return;
        }
        ThrowIfAnyErrors();
        await Send.ResultAsync((await create.HandleAsync(req.ToCommand(), ct)).ToHttp(Response.From));
    }
}
