using FastBooking.Application.Appointments;
using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Visits.Cancel;

public sealed record CancelVisit(BusinessId Business, Guid VisitId, string? Reason, IdempotencyKey? IdempotencyKey) : IRangeChange;

/// <summary>
/// Cancels every confirmed item of a visit in one transaction, before the cancellation cut-off of the visit's first
/// start (an item cancelled on its own before stays as it is). Every range it frees is free from the commit on.
/// </summary>
public sealed class CancelVisitHandler(ISchedulingReader reader, IAppointmentStore store, AppointmentLedger ledger) : IChangeHandler<CancelVisit, VisitAnswer>
{
    public async Task<Outcome<VisitAnswer>> HandleAsync(CancelVisit command, ChangeContext context, CancellationToken ct)
    {
        var business = await reader.BusinessAsync(command.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        var items = await store.LockVisitAsync(command.Business, command.VisitId, ct);
        if (items.Count == 0) return VisitAnswer.NotFound;
        if (items.All(a => a.Status != AppointmentStatus.Confirmed))
            return new Error(ErrorCode.AlreadyCancelled, "The visit is cancelled: it cannot be cancelled again.");
        var cutoff = business.Rules.CancellationCutoff;
        if (context.Now > items[0].Booked.Start - cutoff)
            return new Error(ErrorCode.CancellationCutoff, $"It can be cancelled until {(long)cutoff.TotalMinutes} minutes before it starts.");

        var answer = new VisitAnswer(command.VisitId, items, business.Zone);
        foreach (var item in items.Where(a => a.Status == AppointmentStatus.Confirmed))
        {
            var cancelled = item with
            {
                Status = AppointmentStatus.Cancelled, CancelReason = command.Reason, Version = item.Version + 1, UpdatedAt = context.Now,
            };
            ledger.Cancel(cancelled, context);
            answer = answer.With(cancelled);
        }
        return answer;
    }
}
