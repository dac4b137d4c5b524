using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Create a business";
            s.Description = "Creates a business in its IANA time zone with its booking rules (the defaults when `rules` is left out) and its first API key, " +
                "shown only in this answer. Platform admins only (`X-Admin-Key`), checked before the body is read.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(req.ToCommand(), ct)).ToHttp(Response.From));
}
