using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ApiKeys.List;

public sealed record ListApiKeys(BusinessId Business, PageRequest Page);

/// <summary>The business's keys by prefix and creation time, oldest first; never the keys themselves.</summary>
public sealed class ListApiKeysHandler(IApiKeyStore keys) : IHandler<ListApiKeys, Page<ApiKeyInfo>>
{
    public async Task<Outcome<Page<ApiKeyInfo>>> HandleAsync(ListApiKeys query, CancellationToken ct) =>
        await keys.ListAsync(query.Business, query.Page, ct);
}
