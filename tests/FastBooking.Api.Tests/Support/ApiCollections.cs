using Xunit.Abstractions;

[assembly: TestCollectionOrderer("FastBooking.Api.Tests.Support.ContractCollectionLast", "FastBooking.Api.Tests")]

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// The API tests on the shared host, one test at a time. They cannot run in parallel: the host has one fake clock,
/// which every test sets to its "now" (and some move on), so two tests at once would shift each other's time.
/// The host without Redis is shared too: each host keeps its own pool of PostgreSQL connections, which the server's
/// limit shares with every other test run on the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>, ICollectionFixture<NoRedisFactory>
{
    public const string Name = "api";
}

/// <summary>
/// The API tests that affect every business at once (they flush Redis, the projector's state with it). They run
/// alone, after the other collections have finished, on a host of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExclusiveApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api-exclusive";
}

/// <summary>
/// The contract check: it runs last of all (see <see cref="ContractCollectionLast"/>), when every other API test has
/// recorded what the engine answered.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContractCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "zz-contract";
}

/// <summary>
/// Puts <see cref="ContractCollection"/> after every other collection. xUnit runs the collections that allow
/// parallelization first, together, then the others one by one in this order.
/// </summary>
public sealed class ContractCollectionLast : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.EndsWith(ContractCollection.Name, StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
