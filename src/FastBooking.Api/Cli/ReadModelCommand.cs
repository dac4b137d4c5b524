using FastBooking.Api.Common;
using FastBooking.Application.Common;
using FastBooking.Application.ReadModel.Check;
using FastBooking.Application.ReadModel.Rebuild;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Api.Cli;

/// <summary>
/// Operator verbs, run instead of the web server, through the same use cases as the HTTP calls:
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
                switch (await sp.GetRequiredService<IHandler<RebuildReadModel, Done>>().HandleAsync(new RebuildReadModel(new BusinessId(business)), CancellationToken.None))
                {
                    case Outcome<Done>.Refused refused:
                        Console.Error.WriteLine(refused.Error.Detail);
                        return 3;
                    default:
                        Console.WriteLine($"Rebuilt the read model of business {business}.");
                        return 0;
                }
            case [_, "check", var id, var from, var to] when Guid.TryParse(id, out var business) && ApiFormats.IsDate(from) && ApiFormats.IsDate(to):
                var outcome = await sp.GetRequiredService<IHandler<CheckReadModel, ConsistencyReport>>().HandleAsync(
                    new CheckReadModel(new BusinessId(business), new DateInterval(ApiFormats.ParseDate(from), ApiFormats.ParseDate(to))), CancellationToken.None);
                if (outcome is Outcome<ConsistencyReport>.Refused { Error: var error }) { Console.Error.WriteLine(error.Detail); return 2; }
                var report = ((Outcome<ConsistencyReport>.Success)outcome).Value;
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
