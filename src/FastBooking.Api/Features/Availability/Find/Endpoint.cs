using FastBooking.Api.Common;
using FastBooking.Application.Availability.Find;
using FastBooking.Application.Common;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Availability.Find;

/// <summary>Bookable slots of a service on business-local dates; the header X-Served-By names the read path that answered.</summary>
public sealed class Endpoint(IHandler<FindAvailability, AvailableSlots> find) : Endpoint<Request, Response>
{
    public override void Configure() => Get("/availability");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.ServiceId, out var serviceId) && TryStaff(req.StaffId, out var staffId)
            ? await find.HandleAsync(new FindAvailability(HttpContext.BusinessId(), serviceId, staffId,
                new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)), PathOf(req.Source)), ct)
            : Error.NotFound("No such service or staff member.");
        if (outcome is Outcome<AvailableSlots>.Success { Value: var answer })
            HttpContext.Response.Headers["X-Served-By"] = answer.ServedBy.ToString().ToLowerInvariant();
        await Send.ResultAsync(outcome.ToHttp(a =>
        {
            var zone = ApiFormats.Zone(req.TimeZone) ?? a.Business.Zone;
            return new Response(a.Business.Zone.Id, a.Service.Id.Value, req.From!, req.To!,
                a.Slots.Select(s => new Response.SlotDto(ApiFormats.Format(s.Start, zone), ApiFormats.Format(s.End, zone),
                    s.StaffIds.Select(id => id.Value).ToList())).ToList());
        }));
    }

    private static ReadPath PathOf(string? source) => source switch
    {
        "redis" => ReadPath.Redis,
        "postgres" => ReadPath.Postgres,
        _ => ReadPath.Auto,
    };

    /// <summary>No staff id, or "any", means every qualified staff member.</summary>
    private static bool TryStaff(string? text, out Guid? staffId)
    {
        staffId = null;
        if (string.IsNullOrEmpty(text) || text == "any") return true;
        if (!Guid.TryParse(text, out var id)) return false;
        staffId = id;
        return true;
    }
}
