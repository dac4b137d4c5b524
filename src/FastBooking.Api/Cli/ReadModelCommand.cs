using FastBooking.Api.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.ReadModel;

namespace FastBooking.Api.Cli;

/// <summary>
/// Operator verbs, run instead of the web server:
/// <c>read-model rebuild &lt;business-id&gt;</c> and <c>read-model check &lt;business-id&gt; &lt;from&gt; &lt;to&gt;</c>.
/// </summary>
public static class ReadModelCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "read-model";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (args)
        {
            case [_, "rebuild", var id] when Guid.TryParse(id, out var business):
                await sp.GetRequiredService<StaffProjector>().RebuildAsync(new BusinessId(business), CancellationToken.None);
                Console.WriteLine($"Rebuilt the read model of business {business}.");
                return 0;
            case [_, "check", var id, var from, var to] when Guid.TryParse(id, out var business) && ApiFormats.IsDate(from) && ApiFormats.IsDate(to):
                var report = await sp.GetRequiredService<ConsistencyCheck>()
                    .RunAsync(new BusinessId(business), ApiFormats.ParseDate(from), ApiFormats.ParseDate(to), CancellationToken.None);
                if (report is null) { Console.Error.WriteLine($"No business {business}."); return 2; }
                if (!report.RedisAnswered) { Console.Error.WriteLine("Redis did not answer."); return 3; }
                foreach (var d in report.Differences)
                    Console.WriteLine($"{d.StaffId} {ApiFormats.Format(d.Date)} {d.Kind} minutes: {string.Join(',', d.Minutes)}");
                Console.WriteLine($"{report.StaffDaysCompared} staff-days compared, {report.Differences.Count} differ.");
                return report.Differences.Count == 0 ? 0 : 1;
            default:
                Console.Error.WriteLine("usage: read-model rebuild <business-id> | read-model check <business-id> <from yyyy-MM-dd> <to yyyy-MM-dd>");
                return 2;
        }
    }
}
