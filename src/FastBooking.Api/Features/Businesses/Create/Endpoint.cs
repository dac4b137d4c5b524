using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Application.Catalog.Businesses.Create;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Businesses.Create;

/// <summary>Creates a business; platform admins only (X-Admin-Key).</summary>
public sealed class Endpoint(IHandler<CreateBusiness, CreatedBusiness> create) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/businesses");
        // Authenticated before the body is read: nothing about the body is revealed without the admin key.
        AuthSchemes(AdminKeyAuthentication.SchemeName);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(req.ToCommand(), ct)).ToHttp(Response.From));
}
