using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ChangeFeed.List;

/// <summary>Up to <paramref name="Limit"/> events after the feed position <paramref name="After"/> (0: from the start).</summary>
public sealed record ListEvents(BusinessId Business, long After, int Limit);

/// <summary>A page of the feed; <see cref="Next"/> is where the next read starts (the same as asked when nothing is new).</summary>
public sealed record EventPage(IReadOnlyList<FeedEvent> Items, long Next);

public sealed class ListEventsHandler(IChangeFeed feed) : IHandler<ListEvents, EventPage>
{
    public async Task<Outcome<EventPage>> HandleAsync(ListEvents query, CancellationToken ct)
    {
        var items = await feed.ReadAsync(query.Business, query.After, query.Limit, ct);
        return new EventPage(items, items.Count > 0 ? items[^1].Position : query.After);
    }
}
