using FastBooking.Api.Common;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Appointments;

public sealed class ListRequest
{
    public string? StaffId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    public const int MaxDays = 92;

    public sealed class Validator : Validator<ListRequest>
    {
        public Validator()
        {
            RuleFor(r => r.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id").When(r => r.StaffId is not null);
            this.LocalDateRange(r => r.From, r => r.To, MaxDays);
        }
    }
}

/// <summary>Appointments (confirmed and cancelled) starting on the given business-local dates, in start order.</summary>
public sealed class List(FastBookingDb db) : Endpoint<ListRequest, List<AppointmentResponse>>
{
    public override void Configure() => Get("/appointments");

    public override async Task HandleAsync(ListRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var zone = DateTimeZoneProviders.Tzdb[await db.Businesses.Where(b => b.Id == businessId).Select(b => b.TimeZone).SingleAsync(ct)];
        var from = LocalDay.Of(ApiFormats.ParseDate(req.From!), zone).Start;
        var to = LocalDay.Of(ApiFormats.ParseDate(req.To!), zone).End;
        var query = db.Appointments.AsNoTracking().Where(a => a.BusinessId == businessId && a.StartAt >= from && a.StartAt < to);
        if (req.StaffId is not null)
        {
            var staffId = Guid.Parse(req.StaffId);
            query = query.Where(a => a.StaffId == staffId);
        }
        var rows = await query.OrderBy(a => a.StartAt).ThenBy(a => a.Id).Take(5000).ToListAsync(ct);
        await Send.OkAsync(rows.Select(a => AppointmentResponse.From(a, zone)).ToList(), ct);
    }
}
