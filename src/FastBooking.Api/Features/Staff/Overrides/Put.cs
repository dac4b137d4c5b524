using FastBooking.Api.Common;
using FastBooking.Api.Features.Staff.WeeklyHours;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Infrastructure.Persistence.Rows;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Staff.Overrides;

public sealed class PutRequest
{
    public string? Id { get; set; }
    public string? Date { get; set; }
    public List<TimeRangeDto>? Intervals { get; set; }

    public sealed class Validator : Validator<PutRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Date).Must(ApiFormats.IsDate).WithMessage("must be a local date yyyy-MM-dd");
            RuleFor(r => r.Intervals).Cascade(CascadeMode.Stop).NotNull().Must(i => i!.Count <= 12).WithMessage("at most 12 intervals a day");
            RuleForEach(r => r.Intervals).NotNull().SetValidator(new TimeRangeDto.Validator());
            RuleFor(r => r.Intervals!).Must(TimeRangeDto.AreDisjoint).WithMessage("intervals must not overlap").When(r => r.Intervals is not null);
        }
    }
}

/// <summary>Replaces one local date's hours for a staff member; no intervals means closed that day.</summary>
public sealed class Put(FastBookingDb db, ScheduleChanges changes) : Endpoint<PutRequest>
{
    public override void Configure() => Put("/staff/{id}/overrides/{date}");

    public override async Task HandleAsync(PutRequest req, CancellationToken ct) =>
        await Send.ResultAsync(await changes.ApplyAsync(HttpContext, req.Id, async staff =>
        {
            var date = ApiFormats.ParseDate(req.Date!);
            var ranges = req.Intervals!.OrderBy(i => i.StartMinute).ToList();
            var row = await db.DateOverrides.FirstOrDefaultAsync(o => o.StaffId == staff.Id && o.Date == date, ct);
            if (row is null) db.DateOverrides.Add(row = new DateOverrideRow { StaffId = staff.Id, Date = date });
            row.StartMinutes = ranges.Select(r => r.StartMinute).ToArray();
            row.EndMinutes = ranges.Select(r => r.EndMinute).ToArray();
            return Results.Ok(new
            {
                date = ApiFormats.Format(date),
                intervals = ranges.Select(r => TimeRangeDto.From(r.StartMinute, r.EndMinute)),
            });
        }, ct));
}
