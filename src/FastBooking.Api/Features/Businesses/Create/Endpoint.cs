using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Api.Features.Businesses.Rules;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Businesses.Create;

/// <summary>Creates a business; platform admins only (X-Admin-Key).</summary>
public sealed class Endpoint(FastBookingDb db, AdminKey adminKey, IClock clock) : Endpoint<Request, Response>
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
            await Send.ResultAsync(new Problem("unauthorized", $"Creating a business needs the platform admin key in {AdminKey.Header}."));
            return;
        }
        ThrowIfAnyErrors();
        var rules = req.Rules?.ToRules() ?? BookingRules.Default;
        var now = clock.GetCurrentInstant();
        var business = new BusinessRow { Id = Guid.CreateVersion7(), Name = req.Name!, TimeZone = req.TimeZone!, CreatedAt = now };
        business.SetRules(rules);
        var apiKey = ApiKeys.NewKey();
        db.Businesses.Add(business);
        db.ApiKeys.Add(new ApiKeyRow { Id = Guid.CreateVersion7(), BusinessId = business.Id, KeyHash = ApiKeys.Hash(apiKey), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await Send.ResponseAsync(new Response(business.Id, business.Name, business.TimeZone, RulesDto.From(rules), apiKey), 201, ct);
    }
}
