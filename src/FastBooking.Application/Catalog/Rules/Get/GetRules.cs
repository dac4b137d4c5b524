using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Rules.Get;

public sealed record GetRules(BusinessId Business);

public sealed class GetRulesHandler(ISchedulingReader reader) : IHandler<GetRules, BookingRules>
{
    public async Task<Outcome<BookingRules>> HandleAsync(GetRules query, CancellationToken ct)
    {
        var business = await reader.BusinessAsync(query.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        return business.Rules;
    }
}
