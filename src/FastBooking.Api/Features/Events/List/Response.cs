namespace FastBooking.Api.Features.Events.List;

/// <summary>A page of the feed; <c>next</c> is the cursor to read on from (poll with it when nothing is new; it may be past the last event).</summary>
public sealed record Response(IReadOnlyList<EventResponse> Items, string Next)
{
    public static Response Example => new([EventResponse.Example], "42");
}
