using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ChangeFeed.List;

/// <summary>Up to <paramref name="Limit"/> events after the feed position <paramref name="After"/> (0: from the start).</summary>
public sealed record ListEvents(BusinessId Business, long After, int Limit);

/// <summary>
/// A page of the feed; <see cref="Next"/> is where the next read starts: the last event's position when the page is
/// full, else the feed's head, past other businesses' events (a quiet business's poll then starts near the end).
/// </summary>
public sealed record EventPage(IReadOnlyList<FeedEvent> Items, long Next);

public sealed class ListEventsHandler(IChangeFeed feed) : IHandler<ListEvents, EventPage>
{
    public async Task<Outcome<EventPage>> HandleAsync(ListEvents query, CancellationToken ct)
    {
        var read = await feed.ReadAsync(query.Business, query.After, query.Limit, ct);
        var full = read.Events.Count == query.Limit;
        return new EventPage(read.Events, full ? read.Events[^1].Position : Math.Max(read.Head, query.After));
    }
}
