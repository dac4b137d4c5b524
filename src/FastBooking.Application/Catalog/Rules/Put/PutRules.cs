using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Rules.Put;

public sealed record PutRules(BusinessId Business, BookingRules Rules, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>Replaces the business's booking rules; they apply to the next read of availability and the next booking.</summary>
public sealed class PutRulesHandler(ICatalogStore store) : IChangeHandler<PutRules, BookingRules>
{
    public async Task<Outcome<BookingRules>> HandleAsync(PutRules command, ChangeContext context, CancellationToken ct)
    {
        await store.SetRulesAsync(command.Business, command.Rules, ct);
        context.Record(new RulesChanged(command.Business));
        return command.Rules;
    }
}
