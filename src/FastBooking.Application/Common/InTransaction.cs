using FastBooking.Application.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FastBooking.Application.Common;

/// <summary>
/// The pipeline every change runs through, around its <see cref="IChangeHandler{TCommand,T}"/>: begin; claim the
/// Idempotency-Key (a replay or a reuse answers at once); savepoint; work; write; record the answer; commit; then the
/// after-commit epilogue. A refusal is recorded as the key's answer too (the work is rolled back to the savepoint, the
/// claim kept), so a retry gets it byte for byte; an outage (a 503) is no answer and leaves the key free. A change that
/// stores nothing in PostgreSQL (<see cref="IReadModelChange"/>) opens a transaction only when it has a key to record.
/// </summary>
public sealed class InTransaction<TCommand, T>(
    IChangeHandler<TCommand, T> work, IUnitOfWork unitOfWork, IIdempotencyRecords keys, AfterCommit afterCommit,
    IServiceProvider services, IClock clock) : IHandler<TCommand, T>
    where TCommand : IChange
{
    private const string Savepoint = "work";

    public async Task<Outcome<T>> HandleAsync(TCommand command, CancellationToken ct)
    {
        ChangeContext? context = null;
        try
        {
            Outcome<T> outcome;
            if (command is IReadModelChange && command.IdempotencyKey is null)
            {
                context = new ChangeContext(clock.GetCurrentInstant(), unitOfWork);
                outcome = await work.HandleAsync(command, context, ct);
            }
            else
            {
                await using var tx = await unitOfWork.BeginAsync(ct);
                context = new ChangeContext(clock.GetCurrentInstant(), unitOfWork);
                outcome = await RunAsync(command, context, tx, ct);
            }
            if (outcome.IsSuccess)
            {
                // Committed: finish the read model's part even if the caller has gone.
                await afterCommit.RunAsync(context);
                await context.CommittedAsync();
            }
            return outcome;
        }
        finally
        {
            if (context is not null) await context.EndAsync();
        }
    }

    private async Task<Outcome<T>> RunAsync(TCommand command, ChangeContext context, ITransaction tx, CancellationToken ct)
    {
        var key = command.IdempotencyKey;
        if (key is not null)
        {
            switch (await keys.ClaimAsync(command.Business, key, context.Now, ct))
            {
                case Claim.Replay replay: return new Outcome<T>.Replayed(replay.Answer);
                case Claim.Reused: return new Error(ErrorCode.IdempotencyKeyReused, "This Idempotency-Key was used with a different request.");
            }
        }
        // Only a key's refusal is recorded after rolling the work back; without one, a refusal rolls everything back.
        if (key is not null) await tx.SavepointAsync(Savepoint, ct);
        Outcome<T> outcome;
        try
        {
            outcome = await work.HandleAsync(command, context, ct);
            if (outcome.IsSuccess) await unitOfWork.SaveAsync(ct);
        }
        catch (ConcurrentChangeException) when (command is IRangeChange)
        {
            outcome = Refusals.JustTaken;
        }

        switch (outcome)
        {
            case Outcome<T>.Success:
                if (key is not null) await keys.CompleteAsync(command.Business, key, Renderer.Render(outcome), ct);
                await tx.CommitAsync(ct);
                break;
            case Outcome<T>.Refused refused when key is not null && refused.Error.Code.Status != 503:
                await tx.RollbackToSavepointAsync(Savepoint, ct);
                context.Undo();
                await keys.CompleteAsync(command.Business, key, Renderer.Render(outcome), ct);
                await tx.CommitAsync(ct);
                break;
            // Anything else: disposing the transaction rolls it back.
        }
        return outcome;
    }

    private IAnswerRenderer<T> Renderer => services.GetRequiredService<IAnswerRenderer<T>>();
}
