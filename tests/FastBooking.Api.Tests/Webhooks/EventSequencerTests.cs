using FastBooking.Api.Tests.Support;
using FastBooking.Infrastructure.ChangeFeed;
using Npgsql;

namespace FastBooking.Api.Tests.Webhooks;

/// <summary>
/// Feed positions under more than one sequencer (two leaders for a moment, here three): a position once seen never
/// changes, and an appointment's events stay in version order.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventSequencerTests
{
    [Fact]
    public async Task Sequencers_running_at_once_never_renumber_a_position_a_reader_has_seen()
    {
        await using var engine = await SeparateEngine.StartAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(ApiFactory.PostgresConnectionString) { Database = engine.Database }.ConnectionString;
        try
        {
            var salon = await SalonClient.CreateAsync(engine);
            var staff = new[] { await salon.AddStaffAsync(), await salon.AddStaffAsync(), await salon.AddStaffAsync() };
            var service = await salon.AddServiceAsync(staff);
            await using var db = NpgsqlDataSource.Create(connectionString);
            var extra = Enumerable.Range(0, 2).Select(_ => new EventSequencer(db)).ToList();
            using var done = new CancellationTokenSource();

            var sequencing = extra.Select(sequencer => Task.Run(async () =>
            {
                while (!done.IsCancellationRequested) await sequencer.SequenceAsync(CancellationToken.None);
            })).ToList();
            var seen = new Dictionary<long, long>();
            var changed = new List<string>();
            var reading = Task.Run(async () =>
            {
                while (!done.IsCancellationRequested)
                {
                    foreach (var (id, position) in await PositionsAsync(db))
                        if (!seen.TryAdd(id, position) && seen[id] != position) changed.Add($"history {id}: {seen[id]} → {position}");
                    await Task.Delay(5);
                }
            });
            // Bookings on three stylists at once, each moved once: versions 1 and 2 of every appointment.
            var booked = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => salon.BookedAsync(service, staff[i % 3], RealClock.Start(9 + i / 3))));
            await Task.WhenAll(booked.Select((id, i) => SalonClient.Ok(salon.RescheduleAsync(id, RealClock.Start(9 + i / 3, minute: 30)))));
            for (var attempt = 0; attempt < 200 && await UnsequencedAsync(db) > 0; attempt++) await Task.Delay(50);
            await done.CancelAsync();
            await Task.WhenAll([.. sequencing, reading]);

            Assert.Empty(changed);
            Assert.Equal(0, await UnsequencedAsync(db));
            await using var order = db.CreateCommand("""
                SELECT count(*) FROM appointment_history h JOIN appointment_history p
                    ON p.appointment_id = h.appointment_id AND p.version = h.version - 1
                WHERE p.position > h.position
                """);
            Assert.Equal(0L, await order.ExecuteScalarAsync());
            Assert.Equal(48, (await PositionsAsync(db)).Count);
        }
        finally
        {
            await engine.DisposeAsync();
            await engine.DropDatabaseAsync();
        }
    }

    private static async Task<List<(long Id, long Position)>> PositionsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT id, position FROM appointment_history WHERE position IS NOT NULL");
        var read = new List<(long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) read.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return read;
    }

    private static async Task<long> UnsequencedAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM appointment_history WHERE position IS NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
