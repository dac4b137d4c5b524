using FastBooking.Faults.Scenarios;
using Xunit.Abstractions;

namespace FastBooking.Faults.Tests;

/// <summary>
/// Each scenario in its short profile, through the same code as `scripts/faults.sh`: a test passes only when every
/// check of its scenario passed, and its output lists what was checked and measured.
/// </summary>
[Collection(FaultRigCollection.Name)]
public sealed class FaultScenarioTests(FaultRigFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task A_same_slot_storm_across_two_instances_books_exactly_once() => RunAsync(Catalog.Storm);

    [Fact]
    public Task Bookings_and_holds_stay_right_while_Redis_is_killed_and_restarted() => RunAsync(Catalog.RedisKill);

    [Fact]
    public Task Bookings_and_holds_stay_right_when_Redis_is_flushed() => RunAsync(Catalog.RedisFlush);

    [Fact]
    public Task Bookings_and_holds_stay_right_while_PostgreSQL_restarts() => RunAsync(Catalog.PostgresRestart);

    [Fact]
    public Task Bookings_and_holds_stay_right_while_one_instance_is_killed_and_restarted() => RunAsync(Catalog.InstanceKill);

    [Fact]
    public Task The_projector_applies_a_burst_of_outbox_rows_within_its_bound() => RunAsync(Catalog.Throughput);

    private async Task RunAsync(IScenario scenario)
    {
        var report = await ScenarioRunner.RunAsync(fixture.Rig, fixture.Client, scenario, Profile.Short, output.WriteLine, CancellationToken.None);
        Assert.True(report.Passed, $"{scenario.Name}: {report.Checks.Count(c => !c.Passed)} of {report.Checks.Count} checks failed:{Environment.NewLine}{report.Failures}");
    }
}
