using FastBooking.Application.Appointments;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Visits.Get;

public sealed record GetVisit(BusinessId Business, Guid VisitId);

public sealed class GetVisitHandler(ISchedulingReader reader, IAppointmentStore store) : IHandler<GetVisit, VisitAnswer>
{
    public async Task<Outcome<VisitAnswer>> HandleAsync(GetVisit query, CancellationToken ct)
    {
        var items = await store.FindVisitAsync(query.Business, query.VisitId, ct);
        if (items.Count == 0) return VisitAnswer.NotFound;
        var business = await reader.BusinessAsync(query.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        return new VisitAnswer(query.VisitId, items, business.Zone);
    }
}
