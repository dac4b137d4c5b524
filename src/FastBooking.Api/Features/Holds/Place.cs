using FastBooking.Api.Common;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Holds;

public sealed class PlaceRequest
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? Start { get; set; }

    public sealed class Validator : Validator<PlaceRequest>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a service id");
            RuleFor(r => r.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id, or be left out for any staff")
                .When(r => r.StaffId is not null);
            RuleFor(r => r.Start).Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
        }
    }
}

public sealed record HoldResponse(string Token, Guid StaffId, Guid ServiceId, string Start, string End, string ExpiresAt);

/// <summary>Holds a slot for the business's hold TTL: hidden from everyone else's availability until booked, released or expired.</summary>
public sealed class Place(HoldPlacement placement) : Endpoint<PlaceRequest, HoldResponse>
{
    public override void Configure() => Post("/holds");

    public override async Task HandleAsync(PlaceRequest req, CancellationToken ct)
    {
        var outcome = await placement.PlaceAsync(HttpContext.BusinessId(), Guid.Parse(req.ServiceId!),
            req.StaffId is null ? null : Guid.Parse(req.StaffId), ApiFormats.ParseInstant(req.Start!), ct);
        switch (outcome)
        {
            case HoldPlacement.Outcome.Placed { Hold: var h, Business: var b }:
                await Send.ResponseAsync(new HoldResponse(h.Token.Value, h.StaffId.Value, h.ServiceId.Value,
                    ApiFormats.Format(h.Booked.Start, b.Zone), ApiFormats.Format(h.Booked.End, b.Zone), ApiFormats.Format(h.ExpiresAt, b.Zone)), 201, ct);
                break;
            case HoldPlacement.Outcome.Refused refused:
                await Send.ResultAsync(new Problem(refused.Code, refused.Detail));
                break;
        }
    }
}
