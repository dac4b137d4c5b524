using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Appointments.Cancel;

/// <param name="ExpectedVersion">The version the client read (If-Match); null: whatever the current one is.</param>
public sealed record CancelAppointment(BusinessId Business, Guid AppointmentId, string? Reason, int? ExpectedVersion, IdempotencyKey? IdempotencyKey) : IRangeChange;

/// <summary>Cancels a confirmed appointment before its cancellation cut-off; its range is free from the commit on.</summary>
public sealed class CancelAppointmentHandler(ISchedulingReader reader, ChangeableAppointment changeable, AppointmentLedger ledger)
    : IChangeHandler<CancelAppointment, AppointmentAnswer>
{
    public async Task<Outcome<AppointmentAnswer>> HandleAsync(CancelAppointment command, ChangeContext context, CancellationToken ct)
    {
        var business = await reader.BusinessAsync(command.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        var (appointment, refusal) = await changeable.LockAsync(command.Business, command.AppointmentId, command.ExpectedVersion, context.Now,
            business.Rules.CancellationCutoff, ErrorCode.CancellationCutoff, "cancelled", ct);
        if (appointment is null) return refusal!;

        var cancelled = appointment with
        {
            Status = AppointmentStatus.Cancelled, CancelReason = command.Reason, Version = appointment.Version + 1, UpdatedAt = context.Now,
        };
        ledger.Cancel(cancelled, context);
        return new AppointmentAnswer(cancelled, business.Zone);
    }
}
