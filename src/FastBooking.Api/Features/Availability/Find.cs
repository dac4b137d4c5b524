using FastBooking.Api.Common;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Availability;

public sealed class FindRequest
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>Operators' switch: "redis" or "postgres" forces a read path (default: Redis when usable).</summary>
    public string? Source { get; set; }

    public const int MaxDays = 31;

    public sealed class Validator : Validator<FindRequest>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).NotEmpty();
            this.LocalDateRange(r => r.From, r => r.To, MaxDays);
            RuleFor(r => r.TimeZone).Must(ApiFormats.IsZone).WithMessage("must be an IANA time zone id").When(r => r.TimeZone is not null);
            RuleFor(r => r.Source).Must(s => s is "redis" or "postgres").WithMessage("must be redis or postgres").When(r => r.Source is not null);
        }
    }
}

public sealed record SlotDto(string Start, string End, IReadOnlyList<Guid> StaffIds);

public sealed record FindResponse(string BusinessTimeZone, Guid ServiceId, string From, string To, IReadOnlyList<SlotDto> Slots);

public sealed class Find(AvailabilityReader reader) : Endpoint<FindRequest, FindResponse>
{
    public override void Configure() => Get("/availability");

    public override async Task HandleAsync(FindRequest req, CancellationToken ct)
    {
        var answer = Guid.TryParse(req.ServiceId, out var serviceId) && TryStaff(req.StaffId, out var staffId)
            ? await reader.FindAsync(HttpContext.BusinessId(), serviceId, staffId,
                ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!), ct, PathOf(req.Source))
            : null;
        if (answer is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such service or staff member."));
            return;
        }
        HttpContext.Response.Headers["X-Served-By"] = answer.ServedBy.ToString().ToLowerInvariant();
        var zone = ApiFormats.Zone(req.TimeZone) ?? answer.Business.Zone;
        await Send.OkAsync(new FindResponse(answer.Business.Zone.Id, serviceId, req.From!, req.To!,
            answer.Slots.Select(s => new SlotDto(ApiFormats.Format(s.Start, zone), ApiFormats.Format(s.End, zone),
                s.StaffIds.Select(id => id.Value).ToList())).ToList()), ct);
    }

    private static AvailabilityReader.ReadPath PathOf(string? source) => source switch
    {
        "redis" => AvailabilityReader.ReadPath.Redis,
        "postgres" => AvailabilityReader.ReadPath.Postgres,
        _ => AvailabilityReader.ReadPath.Auto,
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
