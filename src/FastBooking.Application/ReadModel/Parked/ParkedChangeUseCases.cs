using FastBooking.Application.Common;

namespace FastBooking.Application.ReadModel.Parked;

public sealed record ListParkedChanges(int Limit);

public sealed record ParkedChanges(IReadOnlyList<ParkedChange> Rows, int Total);

/// <summary>The projector's parked rows, oldest first.</summary>
public sealed class ListParkedChangesHandler(IParkedChanges parked) : IHandler<ListParkedChanges, ParkedChanges>
{
    public async Task<Outcome<ParkedChanges>> HandleAsync(ListParkedChanges query, CancellationToken ct)
    {
        var (rows, total) = await parked.ListAsync(query.Limit, ct);
        return new ParkedChanges(rows, total);
    }
}

/// <summary>Replays parked rows (all when none are named): once a business has none left, it reads from Redis again.</summary>
public sealed record ReplayParkedChanges(IReadOnlyCollection<long> OutboxIds);

public sealed class ReplayParkedChangesHandler(IParkedChanges parked) : IHandler<ReplayParkedChanges, ReplayReport>
{
    public async Task<Outcome<ReplayReport>> HandleAsync(ReplayParkedChanges command, CancellationToken ct) =>
        await parked.ReplayAsync(command.OutboxIds, ct);
}
