using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ApiKeys.List;

public sealed record ListApiKeys(BusinessId Business);

/// <summary>The business's keys by prefix and creation time, oldest first; never the keys themselves.</summary>
public sealed class ListApiKeysHandler(IApiKeyStore keys) : IHandler<ListApiKeys, IReadOnlyList<ApiKeyInfo>>
{
    public async Task<Outcome<IReadOnlyList<ApiKeyInfo>>> HandleAsync(ListApiKeys query, CancellationToken ct) =>
        new Outcome<IReadOnlyList<ApiKeyInfo>>.Success(await keys.ListAsync(query.Business, ct));
}
