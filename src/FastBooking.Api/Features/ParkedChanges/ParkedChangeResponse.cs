using FastBooking.Application.ReadModel.Parked;
using NodaTime;

namespace FastBooking.Api.Features.ParkedChanges;

/// <summary>An outbox row the projector parked: what it was, why it failed, how often.</summary>
public sealed record ParkedChangeResponse(long OutboxId, Guid BusinessId, string Type, string Error, int Attempts, Instant ParkedAt)
{
    public static ParkedChangeResponse From(ParkedChange p) => new(p.OutboxId, p.Business.Value, p.Type, p.Error, p.Attempts, p.ParkedAt);
}
