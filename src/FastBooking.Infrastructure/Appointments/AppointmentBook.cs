using FastBooking.Domain.Appointments;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.Idempotency;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.Appointments;

/// <summary>
/// Book, cancel and reschedule: each one short transaction that re-checks the rules against PostgreSQL, writes the
/// row, its history and an outbox event, and records the idempotent answer. The exclusion constraint has the last word.
/// </summary>
public sealed class AppointmentBook(
    FastBookingDb db, SchedulingStore store, CatalogReader catalog, HoldStore holds, ReadModelSync sync, IClock clock)
{
    // A booking without a hold reserves its range in Redis for this long while its transaction runs, so that nobody
    // can hold the range meanwhile; it is released as soon as the transaction ends.
    private static readonly Duration ReservationTtl = Duration.FromSeconds(30);

    // Reservations end with the transaction, whatever its outcome; a customer's hold only once it is confirmed.
    private readonly List<Hold> _reservations = [];
    private Hold? _confirming;
    private readonly List<(Guid StaffId, Interval Occupied)> _changed = [];



    public Task<AppointmentOutcome> BookAsync(BusinessId businessId, BookAppointment command, IdempotencyKey? key, Answers answers, CancellationToken ct) =>
        RunAsync(businessId, key, 201, answers, ct, async (business, now) =>
        {
            var found = await catalog.ReadAsync(businessId, command.ServiceId, command.StaffId, ct, Connection);
            if (found?.Service is not { } service) return NotFound("service", command.ServiceId);
            if (command.StaffId is { } one && !found.StaffKnown) return NotFound("staff", one);
            var (hold, refusal) = await ConfirmableHoldAsync(businessId, command.HoldToken, command.ServiceId, command.StaffId, command.Start, now);
            if (refusal is not null) return refusal;
            var candidates = hold is not null ? [hold.StaffId] : command.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList();
            if (candidates.Count == 0)
                return new AppointmentOutcome.Refused(FailureCodes.ServiceNotOffered, "No staff member performs this service.");

            var state = await store.StateAroundAsync(business, candidates, command.Start, ct);
            var refusals = new List<AppointmentOutcome.Refused>();
            var bookable = new List<StaffId>();
            foreach (var staff in candidates)
            {
                var reasons = Bookability.Explain(state, service, staff, command.Start, now);
                if (reasons.Count == 0) bookable.Add(staff); else refusals.Add(FailureCodes.FromReasons(reasons));
            }

            var day = LocalDay.Of(command.Start.InZone(business.Zone).Date, business.Zone);
            foreach (var staff in AnyStaffPolicy.InOrder(bookable, state.Appointments, day))
            {
                var row = NewAppointment(businessId, command, service.AppointmentAt(command.Start, staff), service.OccupiedAt(command.Start, staff), staff, now);
                if (hold is null && await ReserveAsync(businessId, row, now) is { } taken)
                {
                    refusals.Add(taken);
                    continue;
                }
                if (await TryInsertAsync(row, ct))
                {
                    Record(row, "booked", now);
                    Changed(row, (row.StaffId, row.Occupied));
                    return new AppointmentOutcome.Done(row, business);
                }
                // Taken by a concurrent booking since we read: with "any", the next staff member may still be free.
                refusals.Add(new AppointmentOutcome.Refused(FailureCodes.SlotTaken, "The time was just booked by someone else."));
            }
            return FailureCodes.MostTransient(refusals);
        });

    public Task<AppointmentOutcome> CancelAsync(BusinessId businessId, CancelAppointment command, IdempotencyKey? key, Answers answers, CancellationToken ct) =>
        RunAsync(businessId, key, 200, answers, ct, async (business, now) =>
        {
            var (row, refused) = await ChangeableAsync(businessId, command.AppointmentId, now,
                business.Rules.CancellationCutoff, FailureCodes.CancellationCutoff, "cancelled", ct);
            if (row is null) return refused!;

            row.Status = AppointmentRow.Cancelled;
            row.CancelReason = command.Reason;
            row.Version++;
            row.UpdatedAt = now;
            Record(row, "cancelled", now);
            Changed(row, (row.StaffId, row.Occupied));
            return new AppointmentOutcome.Done(row, business);
        });

    public Task<AppointmentOutcome> RescheduleAsync(BusinessId businessId, RescheduleAppointment command, IdempotencyKey? key, Answers answers, CancellationToken ct) =>
        RunAsync(businessId, key, 200, answers, ct, async (business, now) =>
        {
            var (row, refused) = await ChangeableAsync(businessId, command.AppointmentId, now,
                business.Rules.RescheduleCutoff, FailureCodes.RescheduleCutoff, "rescheduled", ct);
            if (row is null) return refused!;
            var (hold, refusal) = await ConfirmableHoldAsync(businessId, command.HoldToken, row.ServiceId, command.StaffId, command.Start, now);
            if (refusal is not null) return refusal;
            var staffId = hold?.StaffId.Value ?? command.StaffId ?? row.StaffId;
            var found = await catalog.ReadAsync(businessId, row.ServiceId, staffId, ct, Connection);
            if (found?.Service is not { } service) return NotFound("service", row.ServiceId);
            if (!found.StaffKnown) return NotFound("staff", staffId);
            var staff = new StaffId(staffId);

            var state = await store.StateAroundAsync(business, [staff], command.Start, ct);
            var reasons = Bookability.Explain(state, service, staff, command.Start, now, rescheduling: new AppointmentId(row.Id));
            if (reasons.Count > 0) return FailureCodes.FromReasons(reasons);

            // One UPDATE moves the range: the old one is never free while the new one is not yet ours.
            var old = (row.StaffId, row.Occupied);
            row.StaffId = staffId;
            row.StartAt = command.Start;
            row.EndAt = service.AppointmentAt(command.Start, staff).End;
            row.Occupied = service.OccupiedAt(command.Start, staff);
            if (hold is null && await ReserveAsync(businessId, row, now) is { } taken) return taken;
            row.Version++;
            row.UpdatedAt = now;
            Record(row, "rescheduled", now);
            Changed(row, old, (row.StaffId, row.Occupied));
            return new AppointmentOutcome.Done(row, business);
        });

    private async Task<AppointmentOutcome> RunAsync(
        BusinessId businessId, IdempotencyKey? key, int successStatus, Answers answers, CancellationToken ct,
        Func<Business, Instant, Task<AppointmentOutcome>> work)
    {
        try
        {
            var outcome = await RunTransactionAsync(businessId, key, successStatus, answers, ct, work);
            if (outcome is AppointmentOutcome.Done)
            {
                // Committed: finish the read model's part even if the caller has gone.
                await sync.RangesChangedAsync(businessId, _changed, CancellationToken.None);
                if (_confirming is not null) await holds.ReleaseAsync(businessId, _confirming);
            }
            return outcome;
        }
        finally
        {
            foreach (var reservation in _reservations) await holds.ReleaseAsync(businessId, reservation);
            _reservations.Clear();
            _confirming = null;
            _changed.Clear();
        }
    }

    private async Task<AppointmentOutcome> RunTransactionAsync(
        BusinessId businessId, IdempotencyKey? key, int successStatus, Answers answers, CancellationToken ct,
        Func<Business, Instant, Task<AppointmentOutcome>> work)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetCurrentInstant();
        var business = await store.BusinessAsync(businessId, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        if (key is not null)
        {
            switch (await IdempotencyRecords.ClaimAsync(db, businessId.Value, key, now, ct))
            {
                case IdempotencyRecords.Replay replay: return new AppointmentOutcome.Replayed(replay.StatusCode, replay.Body);
                case IdempotencyRecords.Reused:
                    return new AppointmentOutcome.Refused(FailureCodes.IdempotencyKeyReused, "This Idempotency-Key was used with a different request.");
            }
        }
        // The work can be undone while the claimed key is kept, to record a refusal as the key's answer.
        await tx.CreateSavepointAsync("work", ct);
        AppointmentOutcome outcome;
        try
        {
            outcome = await work(business, now);
            if (outcome is AppointmentOutcome.Done) await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsConflict(e))
        {
            outcome = new AppointmentOutcome.Refused(FailureCodes.SlotTaken, "The time was just booked by someone else.");
        }

        switch (outcome)
        {
            case AppointmentOutcome.Done done:
                if (key is not null)
                    await IdempotencyRecords.CompleteAsync(db, businessId.Value, key, successStatus, answers.Success(done.Appointment, done.Business), ct);
                await tx.CommitAsync(ct);
                break;
            // A retry gets the first answer, refusals included; an outage is no answer (the key stays free).
            case AppointmentOutcome.Refused refused when key is not null && refused.Code != FailureCodes.HoldsUnavailable:
                await tx.RollbackToSavepointAsync("work", ct);
                db.ChangeTracker.Clear();
                var (status, body) = answers.Refusal(refused);
                await IdempotencyRecords.CompleteAsync(db, businessId.Value, key, status, body, ct);
                await tx.CommitAsync(ct);
                break;
            // Anything else: disposing the transaction rolls it back.
        }
        return outcome;
    }

    /// <summary>
    /// The hold a booking confirms: it must be live and be for exactly this service, start and (when named) staff member.
    /// No token: no hold and no refusal.
    /// </summary>
    private async Task<(Hold? Hold, AppointmentOutcome.Refused? Refusal)> ConfirmableHoldAsync(
        BusinessId businessId, string? token, Guid serviceId, Guid? staffId, Instant start, Instant now)
    {
        if (token is null) return (null, null);
        var (hold, answered) = await holds.FindAsync(businessId, token);
        if (!answered) return (null, new(FailureCodes.HoldsUnavailable, "Holds cannot be read right now; book without the hold token."));
        if (hold is null || !hold.IsLiveAt(now)) return (null, new(FailureCodes.HoldConflict, "The hold has expired or does not exist."));
        if (hold.ServiceId.Value != serviceId || hold.Booked.Start != start || (staffId is { } s && s != hold.StaffId.Value))
            return (null, new(FailureCodes.HoldConflict, "The hold is for another service, staff member or start."));
        _confirming = hold;
        return (hold, null);
    }

    /// <summary>
    /// Reserves the appointment's occupied range against holds for the length of the transaction. The refusal when a
    /// customer holds it, or another booking is taking it right now; null when reserved, and also when Redis is out
    /// (PostgreSQL alone then decides).
    /// </summary>
    private async Task<AppointmentOutcome.Refused?> ReserveAsync(BusinessId businessId, AppointmentRow a, Instant now)
    {
        var reservation = new Hold(new HoldToken(HoldStore.NewBookingToken()), new StaffId(a.StaffId), new ServiceId(a.ServiceId),
            new Interval(a.StartAt, a.EndAt), a.Occupied, now + ReservationTtl);
        switch (await holds.ReserveAsync(businessId, reservation, ReservationTtl, now, []))
        {
            case HoldStore.Reservation.Reserved:
                _reservations.Add(reservation);
                return null;
            case HoldStore.Reservation.Held:
                return new AppointmentOutcome.Refused(FailureCodes.HoldConflict, "The time is held by someone else.");
            case HoldStore.Reservation.Booking:
                return new AppointmentOutcome.Refused(FailureCodes.SlotTaken, "The time is being booked by someone else.");
            default:
                return null;
        }
    }

    private void Changed(AppointmentRow a, params (Guid StaffId, Interval Occupied)[] ranges)
    {
        OutboxEvents.AppointmentRangesChanged(db, a.BusinessId, a.Id, a.UpdatedAt, ranges);
        _changed.AddRange(ranges);
    }

    /// <summary>Exclusion violation, deadlock or serialization failure: all mean a concurrent change took the range.</summary>
    private static bool IsConflict(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is "23P01" or "40P01" or "40001";

    private async Task<bool> TryInsertAsync(AppointmentRow a, CancellationToken ct)
    {
        // ON CONFLICT DO NOTHING (no arbiter: allowed for exclusion constraints) answers "taken" without deadlocks.
        var inserted = await db.Database.SqlQuery<int>($"""
            INSERT INTO appointments (id, business_id, staff_id, service_id, status, start_at, end_at, occupied,
                customer_name, customer_phone, customer_email, notes, cancel_reason, version, created_at, updated_at)
            VALUES ({a.Id}, {a.BusinessId}, {a.StaffId}, {a.ServiceId}, {a.Status}, {a.StartAt}, {a.EndAt}, {a.Occupied},
                {a.CustomerName}, {a.CustomerPhone}, {a.CustomerEmail}, {a.Notes}, {a.CancelReason}, {a.Version}, {a.CreatedAt}, {a.UpdatedAt})
            ON CONFLICT DO NOTHING RETURNING 1 AS "Value"
            """).ToListAsync(ct);
        return inserted.Count == 1;
    }

    /// <summary>The transaction's own connection, for reads outside EF.</summary>
    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>The confirmed appointment a change applies to, locked until the transaction ends; or why it can no longer change.</summary>
    private async Task<(AppointmentRow? Row, AppointmentOutcome.Refused? Refused)> ChangeableAsync(
        BusinessId businessId, Guid id, Instant now, Duration cutoff, string cutoffCode, string change, CancellationToken ct)
    {
        var row = await LockAsync(businessId, id, ct);
        if (row is null) return (null, NotFound("appointment", id));
        if (row.Status != AppointmentRow.Confirmed)
            return (null, new(FailureCodes.AlreadyCancelled, $"The appointment is cancelled: it cannot be {change}."));
        if (now > row.StartAt - cutoff)
            return (null, new(cutoffCode, $"It can be {change} until {(long)cutoff.TotalMinutes} minutes before its start."));
        return (row, null);
    }

    private Task<AppointmentRow?> LockAsync(BusinessId businessId, Guid id, CancellationToken ct) =>
        db.Appointments.FromSql($"SELECT * FROM appointments WHERE id = {id} AND business_id = {businessId.Value} FOR UPDATE")
            .SingleOrDefaultAsync(ct);

    private void Record(AppointmentRow a, string change, Instant now) => db.AppointmentHistory.Add(new AppointmentHistoryRow
    {
        AppointmentId = a.Id, Version = a.Version, Event = change, StaffId = a.StaffId, Status = a.Status,
        StartAt = a.StartAt, EndAt = a.EndAt, At = now,
    });

    private static AppointmentRow NewAppointment(BusinessId businessId, BookAppointment c, Interval booked, Interval occupied, StaffId staff, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        BusinessId = businessId.Value,
        StaffId = staff.Value,
        ServiceId = c.ServiceId,
        Status = AppointmentRow.Confirmed,
        StartAt = booked.Start,
        EndAt = booked.End,
        Occupied = occupied,
        CustomerName = c.Customer.Name,
        CustomerPhone = c.Customer.Phone,
        CustomerEmail = c.Customer.Email,
        Notes = c.Notes,
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static AppointmentOutcome.Refused NotFound(string what, Guid id) => new(FailureCodes.NotFound, $"No {what} {id}.");
}
