using FastBooking.Application.ApiKeys;
using FastBooking.Application.ReadModel;

namespace FastBooking.Application.Common;

/// <summary>
/// What follows every committed change, in one place: cached catalogs and API keys are forgotten here at once (other
/// instances forget theirs on the outbox notification), then the read model re-projects what changed before the answer is sent
/// (read-your-writes), except what a reservation stands in for until the projector applies it (a booking's hand-over).
/// The outbox projector repairs whatever this could not do.
/// </summary>
public sealed class AfterCommit(ICatalogCache catalogs, ApiKeyAuthenticator apiKeys, IReadModelSync sync)
{
    public async Task RunAsync(ChangeContext context)
    {
        var changes = context.Changes;
        foreach (var business in changes.Where(c => c.ChangesCatalog).Select(c => c.Business).Distinct())
            catalogs.Forget(business);
        foreach (var business in changes.Where(c => c.ChangesApiKeys).Select(c => c.Business).Distinct())
            apiKeys.Forget(business);
        foreach (var business in context.ToProject.GroupBy(c => c.Business))
            await sync.CommittedAsync(business.Key, business.ToList());
    }
}
