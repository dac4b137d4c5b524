using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Infrastructure.Persistence.Rows;
using FastEndpoints;
using FluentValidation;
using NodaTime;

namespace FastBooking.Api.Features.Staff.TimeOff;

public sealed class AddRequest
{
    public string? Id { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Reason { get; set; }

    public sealed class Validator : Validator<AddRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Start).NotEmpty().Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
            RuleFor(r => r.End).NotEmpty().Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
            RuleFor(r => r.End).Must((r, end) => ApiFormats.ParseInstant(end!) > ApiFormats.ParseInstant(r.Start!))
                .WithMessage("must be after start").When(r => ApiFormats.IsInstant(r.Start) && ApiFormats.IsInstant(r.End));
            RuleFor(r => r.Reason).MaximumLength(500);
        }
    }
}

public sealed record TimeOffResponse(Guid Id, Guid StaffId, string Start, string End, string? Reason);

public sealed class Add(FastBookingDb db, ScheduleChanges changes) : Endpoint<AddRequest, TimeOffResponse>
{
    public override void Configure() => Post("/staff/{id}/time-off");

    public override async Task HandleAsync(AddRequest req, CancellationToken ct) =>
        await Send.ResultAsync(await changes.ApplyAsync(HttpContext, req.Id, async staff =>
        {
            var row = new TimeOffRow
            {
                Id = Guid.CreateVersion7(), StaffId = staff.Id, Reason = req.Reason,
                Period = new Interval(ApiFormats.ParseInstant(req.Start!), ApiFormats.ParseInstant(req.End!)),
            };
            db.TimeOff.Add(row);
            var zone = DateTimeZoneProviders.Tzdb[(await db.Businesses.FindAsync([staff.BusinessId], ct))!.TimeZone];
            return Results.Json(new TimeOffResponse(row.Id, staff.Id,
                ApiFormats.Format(row.Period.Start, zone), ApiFormats.Format(row.Period.End, zone), row.Reason), Problem.Json, statusCode: 201);
        }, ct));
}
